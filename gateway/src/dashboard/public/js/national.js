// The national view: a map of the ten PVO regions shaded by the chosen indicator, the same figures as a table,
// and the indicator's trend over the years for the country and the selected region.
import { lineChart, SERIES_COLOURS } from './charts.js';
import { html, NO_DATA, SUPPRESSED } from './format.js';
import { classify, renderLegend } from './legend.js';
import { createRegionMap, loadTopology } from './map.js';
import { INDICATORS } from './national-data.js';

const state = { indicator: 'coverage', year: undefined, region: '' };

/** A place's figure for the chosen indicator and year: its value (or null) and the text the page shows. */
function figure(place, indicator, year) {
  const figures = place.figures.get(year);
  if (indicator === 'cyber' && figures?.cyberSuppressed) return { value: null, text: SUPPRESSED };
  const value = figures?.[indicator] ?? null;
  return { value, text: value === null ? NO_DATA : INDICATORS[indicator].format(value) };
}

function controlsTemplate(national) {
  const radios = Object.entries(INDICATORS).map(
    ([key, indicator]) => `
      <div class="utrecht-form-field utrecht-form-field--radio">
        <input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" name="indicator" id="indicator-${key}" value="${key}" ${key === state.indicator ? 'checked' : ''} />
        <label class="utrecht-form-label utrecht-form-label--radio" for="indicator-${key}">${html(indicator.label)}</label>
      </div>`,
  );
  const years = national.years.map((year) => `<option value="${year}" ${year === state.year ? 'selected' : ''}>${year}</option>`);
  const regions = national.regions.map((r) => `<option value="${r.code}" ${r.code === state.region ? 'selected' : ''}>${html(r.name)}</option>`);
  return `
    <form class="controls" id="national-controls">
      <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset controls__indicator">
        <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Indicator op de kaart</legend>
        ${radios.join('')}
      </fieldset>
      <div class="utrecht-form-field controls__field">
        <p class="utrecht-form-field__label"><label class="utrecht-form-label" for="year">Jaar</label></p>
        <select class="utrecht-select utrecht-select--html-select" id="year">${years.join('')}</select>
      </div>
      <div class="utrecht-form-field controls__field">
        <p class="utrecht-form-field__label"><label class="utrecht-form-label" for="region-select">Regio in de grafiek</label></p>
        <select class="utrecht-select utrecht-select--html-select" id="region-select"><option value="">Geen (alleen Nederland)</option>${regions.join('')}</select>
      </div>
    </form>`;
}

function layoutTemplate(national) {
  return `
    <h1 class="utrecht-heading-1" id="view-heading" tabindex="-1">Landelijk overzicht</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">De tien Platforms Veilig Ondernemen volgen de tien politie-eenheden. Kies een indicator en een jaar; kies een regio op de kaart (Tab en Enter) of in de keuzelijst om haar verloop naast het landelijke te zien.</p>
    ${controlsTemplate(national)}
    <div class="national">
      <section class="national__map" aria-labelledby="map-heading">
        <h2 class="utrecht-heading-2" id="map-heading"></h2>
        <div id="region-map" class="map-container"></div>
        <div id="legend" class="legend"></div>
        <p class="utrecht-paragraph utrecht-paragraph--small source">Grenzen van de politie-eenheden (2023). Bron: CBS.</p>
      </section>
      <section class="national__table" aria-labelledby="table-heading">
        <h2 class="utrecht-heading-2" id="table-heading"></h2>
        <div class="table-scroll" role="region" aria-labelledby="table-heading" tabindex="0" id="national-table"></div>
        <div id="selection" class="selection" aria-live="polite"></div>
      </section>
    </div>
    <section aria-labelledby="trend-heading">
      <h2 class="utrecht-heading-2" id="trend-heading"></h2>
      <div class="chart"><canvas id="trend-chart" role="img"></canvas></div>
      <details class="chart-table">
        <summary>De cijfers van deze grafiek als tabel</summary>
        <div class="table-scroll" id="trend-table" tabindex="0" role="region" aria-label="Cijfers van de grafiek"></div>
      </details>
    </section>`;
}

function figuresTable(national) {
  const columns = Object.entries(INDICATORS);
  const head = columns.map(([key, i]) => `<th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric ${key === state.indicator ? 'is-chosen' : ''}">${html(i.label)}</th>`);
  const row = (place, link) => {
    const cells = columns.map(([key]) => {
      const { value, text } = figure(place, key, state.year);
      return `<td class="utrecht-table__cell utrecht-table__cell--numeric ${key === state.indicator ? 'is-chosen' : ''}" data-place="${place.code}" data-indicator="${key}" data-value="${value ?? ''}">${html(text)}</td>`;
    });
    const name = link ? `<a class="utrecht-link" href="#regio/${place.code}">${html(place.name)}</a>` : html(place.name);
    return `<tr class="utrecht-table__row ${place.code === state.region ? 'is-selected' : ''}"><th scope="row" class="utrecht-table__header-cell">${name}</th>${cells.join('')}</tr>`;
  };
  return `
    <table class="utrecht-table utrecht-table--html-table">
      <caption class="utrecht-table__caption">Cijfers per regio in ${state.year}; de regionaam opent het regio-overzicht</caption>
      <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Regio</th>${head.join('')}</tr></thead>
      <tbody class="utrecht-table__body">${national.regions.map((r) => row(r, true)).join('')}</tbody>
      <tfoot class="utrecht-table__footer">${row(national.country, false)}</tfoot>
    </table>`;
}

function trendTable(national, places) {
  const head = places.map((p) => `<th scope="col" class="utrecht-table__header-cell utrecht-table__header-cell--numeric">${html(p.name)}</th>`);
  const rows = national.years.map((year) => {
    const cells = places.map((p) => {
      const { value, text } = figure(p, state.indicator, year);
      return `<td class="utrecht-table__cell utrecht-table__cell--numeric" data-place="${p.code}" data-year="${year}" data-value="${value ?? ''}">${html(text)}</td>`;
    });
    return `<tr class="utrecht-table__row"><th scope="row" class="utrecht-table__header-cell">${year}</th>${cells.join('')}</tr>`;
  });
  return `<table class="utrecht-table utrecht-table--html-table"><caption class="utrecht-table__caption">${html(INDICATORS[state.indicator].label)} per jaar</caption>
    <thead class="utrecht-table__header"><tr class="utrecht-table__row"><th scope="col" class="utrecht-table__header-cell">Jaar</th>${head.join('')}</tr></thead>
    <tbody class="utrecht-table__body">${rows.join('')}</tbody></table>`;
}

function selectionTemplate(national) {
  const region = national.regions.find((r) => r.code === state.region);
  if (!region) return '<p class="utrecht-paragraph">Geen regio gekozen. Kies er een op de kaart of in de keuzelijst.</p>';
  const { text } = figure(region, state.indicator, state.year);
  return `<p class="utrecht-paragraph" id="selection-summary"><strong>${html(region.name)}</strong>: ${html(INDICATORS[state.indicator].label.toLowerCase())} in ${state.year} is <span data-selected-value>${html(text)}</span>.</p>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="#regio/${region.code}">Open het regio-overzicht van ${html(region.name)}</a></p>`;
}

function update(view, national, map) {
  const indicator = INDICATORS[state.indicator];
  const values = national.regions.map((r) => figure(r, state.indicator, state.year).value);
  const { classes, colour } = classify(values);
  const missing = values.some((v) => v === null) ? (state.indicator === 'cyber' ? `${NO_DATA} of ${SUPPRESSED}` : NO_DATA) : undefined;
  view.querySelector('#map-heading').textContent = `${indicator.label} in ${state.year}`;
  view.querySelector('#table-heading').textContent = `Cijfers per regio, ${state.year}`;
  view.querySelector('#trend-heading').textContent = `Verloop: ${indicator.label.toLowerCase()}`;
  map.update({
    title: `Kaart van de tien regio's: ${indicator.label.toLowerCase()} in ${state.year}`,
    selected: state.region,
    fill: (code) => colour(figure(national.regions.find((r) => r.code === code), state.indicator, state.year).value),
    label: (code) => {
      const region = national.regions.find((r) => r.code === code);
      return `${region.name}: ${figure(region, state.indicator, state.year).text}`;
    },
  });
  renderLegend(view.querySelector('#legend'), { title: `${indicator.label} (${indicator.unit})`, classes, format: indicator.format, missingLabel: missing });
  view.querySelector('#national-table').innerHTML = figuresTable(national);
  view.querySelector('#selection').innerHTML = selectionTemplate(national);
  const places = [national.country, ...national.regions.filter((r) => r.code === state.region)];
  const canvas = view.querySelector('#trend-chart');
  canvas.setAttribute('aria-label', `Lijngrafiek: ${indicator.label.toLowerCase()} per jaar voor ${places.map((p) => p.name).join(' en ')}; de cijfers staan in de tabel eronder.`);
  lineChart(canvas, {
    years: national.years,
    format: indicator.format,
    series: places.map((p, index) => ({ label: p.name, values: national.years.map((y) => figure(p, state.indicator, y).value), colour: SERIES_COLOURS[index === 0 ? 1 : 0], emphasis: index > 0, dashed: index === 0 })),
  });
  view.querySelector('#trend-table').innerHTML = trendTable(national, places);
}

/** Renders the national view into `view` from loadNational()'s figures. */
export async function renderNational(view, national) {
  state.year ??= national.years[national.years.length - 1];
  view.innerHTML = layoutTemplate(national);
  const topology = await loadTopology();
  const map = createRegionMap(view.querySelector('#region-map'), topology, (code) => {
    state.region = state.region === code ? '' : code;
    view.querySelector('#region-select').value = state.region;
    update(view, national, map);
  });
  const form = view.querySelector('#national-controls');
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    state.indicator = form.elements.indicator.value;
    state.year = Number(form.elements.year.value);
    state.region = form.elements['region-select'].value;
    update(view, national, map);
  });
  update(view, national, map);
}
