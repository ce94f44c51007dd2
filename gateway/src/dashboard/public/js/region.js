// The region view: one PVO region from DashboardRegion, with funding by funder only where the token allows it.
import { forbiddenUnder, runOperation } from './api.js';
import { lineChart, stackedBarChart } from './charts.js';
import { formatDate, formatEuro, formatNumber, formatPercent, formatScore, html, LEGAL_FORMS, NO_DATA, SCHEMES, SITE_KINDS, SUPPRESSED, THEMES } from './format.js';
import { classify, renderLegend } from './legend.js';
import { drawMunicipalityMap, loadTopology } from './map.js';
import { currentToken, describeToken } from './token.js';

const cell = (text, { numeric = false, attributes = '' } = {}) =>
  `<td class="utrecht-table__cell ${numeric ? 'utrecht-table__cell--numeric' : ''}" ${attributes}>${text}</td>`;
const headerRow = (labels) =>
  `<thead class="utrecht-table__header"><tr class="utrecht-table__row">${labels.map((l) => `<th scope="col" class="utrecht-table__header-cell">${html(l)}</th>`).join('')}</tr></thead>`;
const table = (caption, labels, rows, { tall = false } = {}) =>
  `<div class="table-scroll ${tall ? 'table-scroll--tall' : ''}" tabindex="0" role="region" aria-label="${html(caption)}"><table class="utrecht-table utrecht-table--html-table"><caption class="utrecht-table__caption">${html(caption)}</caption>${headerRow(labels)}<tbody class="utrecht-table__body">${rows.join('')}</tbody></table></div>`;
const row = (cells) => `<tr class="utrecht-table__row">${cells.join('')}</tr>`;

function pvoSection(region) {
  const { pvo } = region;
  const item = (key, value) => `<dt>${html(key)}</dt><dd>${value}</dd>`;
  const partners = pvo.partners.map((p) => `<li>${html(p.name)}</li>`).join('');
  return `
    <section aria-labelledby="pvo-heading">
      <h2 class="utrecht-heading-2" id="pvo-heading">${html(pvo.name)}</h2>
      <dl class="pvo">
        ${item('Vorm', html(LEGAL_FORMS[pvo.legalForm] ?? pvo.legalForm))}
        ${item('Gastheer', html(pvo.host?.name ?? 'geen'))}
        ${item('Ingebed in', html(pvo.embeddedIn?.name ?? 'geen samenwerkingsverband'))}
        ${item('Ondernemers vertegenwoordigd', pvo.businessRepresented ? 'ja' : 'nee')}
        ${item("Thema's", html(pvo.themes.map((t) => THEMES[t] ?? t).join(', ')))}
        ${item(`Partners (${pvo.partners.length})`, `<ul class="utrecht-unordered-list" id="pvo-partners">${partners}</ul>`)}
      </dl>
    </section>`;
}

function municipalitiesSection(region) {
  const rows = region.municipalities.map((m) =>
    row([
      `<th scope="row" class="utrecht-table__header-cell">${html(m.name)}</th>`,
      cell(formatNumber(m.population), { numeric: true }),
      cell(formatNumber(m.kvo.businessParks), { numeric: true }),
      cell(formatNumber(m.kvo.certifiedBusinessParks), { numeric: true }),
      cell(m.kvo.businessParks > 0 ? formatPercent(m.kvo.businessParkCoverage) : NO_DATA, { numeric: true, attributes: `data-municipality="${m.code}" data-value="${m.kvo.businessParkCoverage}"` }),
    ]),
  );
  return `
    <section aria-labelledby="municipalities-heading">
      <h2 class="utrecht-heading-2" id="municipalities-heading">Gemeenten (${region.municipalityCount})</h2>
      <div class="split">
        <div><div id="municipality-map" class="map-container"></div><div id="municipality-legend" class="legend"></div>
          <p class="utrecht-paragraph utrecht-paragraph--small source">Gemeentegrenzen 2023 en inwoners 1-1-2022. Bron: CBS.</p></div>
        ${table(`Gemeenten in ${region.name}: inwoners en KVO-dekking van bedrijventerreinen`, ['Gemeente', 'Inwoners 1-1-2022', 'Bedrijventerreinen', 'Met KVO-B', 'KVO-dekking'], rows, { tall: true })}
      </div>
    </section>`;
}

function expiringSection(region) {
  const { kvo } = region;
  const rows = kvo.expiring.nodes.map((c) =>
    row([
      cell(html(c.id)),
      cell(html(SCHEMES[c.scheme] ?? c.scheme)),
      cell(`${html(c.site.name)} <span class="muted">(${html(SITE_KINDS[c.site.kind] ?? c.site.kind)})</span>`),
      cell(html(c.site.municipality.name)),
      cell(`<time datetime="${c.validUntil}">${formatDate(c.validUntil)}</time>`),
    ]),
  );
  const shown = kvo.expiring.totalCount > kvo.expiring.nodes.length ? `<p class="utrecht-paragraph">De eerste ${kvo.expiring.nodes.length} van ${kvo.expiring.totalCount} staan hieronder, op einddatum.</p>` : '';
  return `
    <section aria-labelledby="expiring-heading">
      <h2 class="utrecht-heading-2" id="expiring-heading">Certificaten die binnen 12 maanden verlopen</h2>
      <p class="utrecht-paragraph" id="expiring-summary">Op ${formatDate(kvo.asOf)} zijn er <strong data-value="${kvo.validCertificates}">${formatNumber(kvo.validCertificates)}</strong> geldige KVO-certificaten; <strong data-value="${kvo.expiringSoon}">${formatNumber(kvo.expiringSoon)}</strong> daarvan verlopen binnen 12 maanden.</p>
      ${shown}
      ${rows.length > 0 ? table('Certificaten die binnen 12 maanden verlopen', ['Certificaat', 'Regeling', 'Locatie', 'Gemeente', 'Geldig tot'], rows, { tall: true }) : ''}
    </section>`;
}

function fundingNotice(region) {
  const scopes = describeToken(currentToken()).scopes;
  const yours = scopes.length > 0 ? `Uw token (${scopes.join(', ')}) geeft die toegang niet voor ${region.name}.` : 'U bekijkt nu de open gegevens, zonder token.';
  return `<div class="utrecht-alert utrecht-alert--info" role="note" id="funding-notice"><div class="utrecht-alert__content"><div class="utrecht-alert__message">
    <p class="utrecht-paragraph"><strong>De verdeling per financier is afgeschermde detailinformatie.</strong> ${html(yours)}
    U ziet haar met het regionale token van deze regio (<code>region:${html(region.code)}:read</code>) of een landelijk token (<code>national:read</code>); plak dat bij ‘Toegang’ bovenaan. Hieronder staan de open totalen per jaar.</p>
  </div></div></div>`;
}

function fundingSection(region, errors) {
  const years = region.funding.perYear;
  const restricted = years.some((y) => y.byFunder === null) && forbiddenUnder(errors, ['region', 'funding']);
  const funders = new Map();
  if (!restricted) for (const y of years) for (const f of y.byFunder) funders.set(funderKey(f.funder), f.funder.name);
  const labels = restricted ? ['Jaar', 'Totaal', 'Geoormerkt'] : ['Jaar', ...funders.values(), 'Totaal'];
  const rows = years.map((y) => {
    const amounts = restricted ? [cell(formatEuro(y.earmarkedCents), { numeric: true })] : [...funders.keys()].map((key) => {
      const amount = y.byFunder.find((f) => funderKey(f.funder) === key)?.amountCents ?? 0;
      return cell(formatEuro(amount), { numeric: true, attributes: `data-funder="${html(key)}" data-year="${y.year}" data-value="${amount}"` });
    });
    const total = cell(formatEuro(y.totalCents), { numeric: true, attributes: `data-total-year="${y.year}" data-value="${y.totalCents}"` });
    return row([`<th scope="row" class="utrecht-table__header-cell">${y.year}</th>`, ...(restricted ? [total, ...amounts] : [...amounts, total])]);
  });
  return `
    <section aria-labelledby="funding-heading">
      <h2 class="utrecht-heading-2" id="funding-heading">Financiering per jaar${restricted ? '' : ' per financier'}</h2>
      ${restricted ? fundingNotice(region) : ''}
      <div class="chart"><canvas id="funding-chart" role="img" aria-label="Staafgrafiek van de financiering per jaar${restricted ? '' : ' per financier'}; de bedragen staan in de tabel eronder."></canvas></div>
      ${table(restricted ? 'Subsidie aan het PVO per jaar (open totalen)' : 'Subsidie aan het PVO per jaar en per financier', labels, rows)}
    </section>`;
}

const funderKey = (funder) => funder.id ?? funder.code;

function cyberSection(region, country) {
  const national = new Map(country.cyber.perYear.map((y) => [y.year, y]));
  const text = (y) => (y?.suppressed ? SUPPRESSED : y?.averageScore == null ? NO_DATA : formatScore(y.averageScore));
  const rows = region.cyber.perYear.map((y) =>
    row([
      `<th scope="row" class="utrecht-table__header-cell">${y.year}</th>`,
      cell(html(text(y)), { numeric: true, attributes: `data-cyber-year="${y.year}" data-value="${y.averageScore ?? ''}"` }),
      cell(y.scanCount == null ? SUPPRESSED : formatNumber(y.scanCount), { numeric: true }),
      cell(html(text(national.get(y.year))), { numeric: true }),
    ]),
  );
  return `
    <section aria-labelledby="cyber-heading">
      <h2 class="utrecht-heading-2" id="cyber-heading">Cyberscore per jaar</h2>
      <p class="utrecht-paragraph">Gemiddelde totaalscore van de cyberscans bij bedrijven (0 tot 100). Cijfers over minder dan vijf bedrijven worden niet gepubliceerd.</p>
      <div class="chart"><canvas id="cyber-chart" role="img" aria-label="Lijngrafiek van de gemiddelde cyberscore per jaar, ${html(region.name)} en Nederland; de cijfers staan in de tabel eronder."></canvas></div>
      ${table(`Gemiddelde cyberscore per jaar, ${region.name} en Nederland`, ['Jaar', region.name, 'Aantal scans', 'Nederland'], rows)}
    </section>`;
}

function drawCharts(view, region, country, errors) {
  const years = region.funding.perYear.map((y) => y.year);
  const restricted = region.funding.perYear.some((y) => y.byFunder === null);
  const funders = new Map();
  if (!restricted) for (const y of region.funding.perYear) for (const f of y.byFunder) funders.set(funderKey(f.funder), f.funder.name);
  const series = restricted
    ? [{ label: 'Totaal', values: region.funding.perYear.map((y) => y.totalCents / 100) }]
    : [...funders].map(([key, label]) => ({ label, values: region.funding.perYear.map((y) => (y.byFunder.find((f) => funderKey(f.funder) === key)?.amountCents ?? 0) / 100) }));
  stackedBarChart(view.querySelector('#funding-chart'), { years, series, format: (euros) => formatEuro(euros * 100) });
  const cyberYears = region.cyber.perYear.map((y) => y.year);
  const value = (y) => (y.suppressed ? null : y.averageScore);
  lineChart(view.querySelector('#cyber-chart'), {
    years: cyberYears,
    format: formatScore,
    series: [
      { label: region.name, values: region.cyber.perYear.map(value), emphasis: true },
      { label: 'Nederland', values: country.cyber.perYear.map(value), dashed: true },
    ],
  });
}

/** Loads DashboardRegion for `code` with the current token and renders it into `view`. */
export async function renderRegion(view, code) {
  const [{ data, errors }, topology] = await Promise.all([runOperation('DashboardRegion', { region: code }), loadTopology()]);
  const { region, country } = data;
  view.innerHTML = `
    <p class="utrecht-paragraph"><a class="utrecht-link" href="#">← Landelijk overzicht</a></p>
    <h1 class="utrecht-heading-1" id="view-heading" tabindex="-1">${html(region.name)}</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">Platform Veilig Ondernemen in de politie-eenheid ${html(region.policeUnit)}: ${region.municipalityCount} gemeenten, ${formatNumber(region.population)} inwoners (1-1-2022), ${html(region.provinces.join(', '))}.</p>
    ${pvoSection(region)}
    ${municipalitiesSection(region)}
    ${expiringSection(region)}
    ${fundingSection(region, errors)}
    ${cyberSection(region, country)}`;
  const coverage = new Map(region.municipalities.map((m) => [m.code, m.kvo.businessParks > 0 ? m.kvo.businessParkCoverage : null]));
  const { classes, colour } = classify([...coverage.values()]);
  drawMunicipalityMap(view.querySelector('#municipality-map'), topology, code, (m) => colour(coverage.get(m) ?? null), `Kaart van de gemeenten in ${region.name}, gekleurd naar KVO-dekking van bedrijventerreinen; de cijfers staan in de tabel.`);
  renderLegend(view.querySelector('#municipality-legend'), { title: 'KVO-dekking bedrijventerreinen', classes, format: formatPercent, missingLabel: [...coverage.values()].includes(null) ? 'geen bedrijventerreinen' : undefined });
  drawCharts(view, region, country, errors);
}
