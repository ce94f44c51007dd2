// The national view's figures, per place (the ten regions and the country) and year, from DashboardNational,
// which reads the Trend API (Query.trends).
import { runOperation } from './api.js';
import { formatEuroPerInhabitant, formatPercent, formatScore } from './format.js';

/** The indicators a user can shade the map by, each read from one place's figures for one year. */
export const INDICATORS = {
  coverage: { label: 'KVO-dekking bedrijventerreinen', unit: 'aandeel bedrijventerreinen met een geldig KVO-B-certificaat aan het eind van het jaar', format: formatPercent },
  funding: { label: 'Financiering per inwoner', unit: 'subsidie aan het PVO in euro per inwoner (inwoners 1-1-2022)', format: formatEuroPerInhabitant },
  cyber: { label: 'Gemiddelde cyberscore', unit: 'gemiddelde totaalscore van de cyberscans (0 tot 100)', format: formatScore },
};

/** One trend row's figures: { coverage, funding (euro per inhabitant), cyber, cyberSuppressed }. */
const figuresOf = (row) => ({
  coverage: row.kvo.businessParkCoverage,
  funding: row.funding.totalCents / 100 / row.population,
  cyber: row.cyber.averageScore,
  cyberSuppressed: row.cyber.suppressed,
});

/** Groups trend rows into places, in the order the rows come (the regions in the order of the police units). */
function placesOf(rows, nameOf) {
  const places = new Map();
  for (const row of rows) {
    if (!places.has(row.place)) places.set(row.place, { code: row.place, name: nameOf(row), figures: new Map() });
    places.get(row.place).figures.set(row.year, figuresOf(row));
  }
  return [...places.values()];
}

/** Loads DashboardNational: { years, regions: [{ code, name, figures }], country: { code, name, figures } }. */
export async function loadNational() {
  const { data } = await runOperation('DashboardNational');
  const [country] = placesOf(data.trends.national, () => 'Nederland');
  return { years: [...country.figures.keys()], regions: placesOf(data.trends.rows, (row) => row.region.name), country };
}
