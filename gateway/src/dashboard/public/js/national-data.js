// The national view's figures, per place (the ten regions and the country) and year, from DashboardNational.
import { runOperation } from './api.js';
import { formatEuroPerInhabitant, formatPercent, formatScore } from './format.js';

/** The indicators a user can shade the map by, each read from one place's figures for one year. */
export const INDICATORS = {
  coverage: { label: 'KVO-dekking bedrijventerreinen', unit: 'aandeel bedrijventerreinen met een geldig KVO-B-certificaat', format: formatPercent },
  funding: { label: 'Financiering per inwoner', unit: 'subsidie aan het PVO in euro per inwoner (inwoners 1-1-2022)', format: formatEuroPerInhabitant },
  cyber: { label: 'Gemiddelde cyberscore', unit: 'gemiddelde totaalscore van de cyberscans (0 tot 100)', format: formatScore },
};

const byYear = (list) => new Map(list.map((entry) => [entry.year, entry]));

/** One place's figures per year: { coverage, funding, cyber, cyberSuppressed }, null where the graph has none. */
function placeFigures(place, years) {
  const funding = byYear(place.funding.perYear);
  const cyber = byYear(place.cyber.perYear);
  const coverageYear = Number(place.kvo.asOf.slice(0, 4));
  return new Map(
    years.map((year) => [
      year,
      {
        // Coverage is known on the summary's day only; the other years have no figure.
        coverage: year === coverageYear ? place.kvo.businessParkCoverage : null,
        funding: funding.has(year) ? funding.get(year).totalCents / 100 / place.population : null,
        cyber: cyber.get(year)?.averageScore ?? null,
        cyberSuppressed: cyber.get(year)?.suppressed ?? false,
      },
    ]),
  );
}

/** Loads DashboardNational: { years, regions: [{ code, name, figures }], country: { name, figures } }. */
export async function loadNational() {
  const { data } = await runOperation('DashboardNational');
  const years = data.country.funding.perYear.map((entry) => entry.year);
  return {
    years,
    regions: data.regions.map((region) => ({ code: region.code, name: region.name, figures: placeFigures(region, years) })),
    country: { code: 'NL', name: data.country.name, figures: placeFigures(data.country, years) },
  };
}
