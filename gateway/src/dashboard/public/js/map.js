// The maps, drawn into SVG with d3-geo and topojson-client (browser globals `d3` and `topojson`) from the CBS
// boundaries the hub serves; each police unit and municipality carries its hub region code as `properties.region`.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 400;
const HEIGHT = 470;

let topology;

/** The CBS map, fetched once from the hub. */
export async function loadTopology() {
  topology ??= fetch('/dashboard/data/regions.topo.json').then((response) => {
    if (!response.ok) throw new Error(`De kaart is niet geladen (${response.status}).`);
    return response.json();
  });
  return topology;
}

function svgElement(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function pathFor(collection) {
  const projection = d3.geoMercator().fitExtent([[6, 6], [WIDTH - 6, HEIGHT - 6]], collection);
  return d3.geoPath(projection);
}

/**
 * The ten PVO regions as an interactive map: each region is a focusable button (Tab, then Enter or Space selects
 * it) whose accessible name carries the figure shown. Returns `update({ fill, label, selected })`.
 */
export function createRegionMap(container, topo, onSelect) {
  const units = topojson.feature(topo, topo.objects.politie_eenheden);
  const path = pathFor(units);
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'group' });
  const regions = new Map();
  for (const feature of units.features) {
    const code = feature.properties.region;
    const shape = svgElement('path', { d: path(feature), class: 'map__region', tabindex: '0', role: 'button', 'data-region': code });
    shape.addEventListener('click', () => onSelect(code));
    shape.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onSelect(code);
    });
    svg.append(shape);
    regions.set(code, shape);
  }
  const country = topojson.feature(topo, topo.objects.nederland);
  svg.append(svgElement('path', { d: path(country), class: 'map__outline', 'aria-hidden': 'true' }));
  // Outlines drawn last, so the selected and the focused region stand out over their neighbours.
  const selectedOutline = svgElement('path', { class: 'map__selected', 'aria-hidden': 'true' });
  const focusHalo = svgElement('path', { class: 'map__focus-halo', 'aria-hidden': 'true' });
  const focusLine = svgElement('path', { class: 'map__focus-line', 'aria-hidden': 'true' });
  svg.append(selectedOutline, focusHalo, focusLine);
  svg.addEventListener('focusin', (event) => {
    const d = event.target.getAttribute('d') ?? '';
    focusHalo.setAttribute('d', d);
    focusLine.setAttribute('d', d);
  });
  svg.addEventListener('focusout', () => {
    focusHalo.removeAttribute('d');
    focusLine.removeAttribute('d');
  });
  container.replaceChildren(svg);

  return {
    update({ fill, label, selected, title }) {
      svg.setAttribute('aria-label', title);
      for (const [code, shape] of regions) {
        shape.setAttribute('fill', fill(code));
        shape.setAttribute('aria-label', label(code));
        shape.setAttribute('aria-pressed', String(code === selected));
      }
      const chosen = regions.get(selected);
      if (chosen) selectedOutline.setAttribute('d', chosen.getAttribute('d'));
      else selectedOutline.removeAttribute('d');
    },
  };
}

/** One region's municipalities, shaded by `fill(code)`; a picture whose figures the table beside it gives. */
export function drawMunicipalityMap(container, topo, region, fill, description) {
  const all = topojson.feature(topo, topo.objects.gemeenten);
  const features = all.features.filter((feature) => feature.properties.region === region);
  const collection = { type: 'FeatureCollection', features };
  const path = pathFor(collection);
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', role: 'img', 'aria-label': description });
  for (const feature of features) {
    const shape = svgElement('path', { d: path(feature), class: 'map__municipality', fill: fill(feature.properties.code) });
    const title = svgElement('title');
    title.textContent = feature.properties.name;
    shape.append(title);
    svg.append(shape);
  }
  const unit = topojson.feature(topo, topo.objects.politie_eenheden).features.find((f) => f.properties.region === region);
  if (unit) svg.append(svgElement('path', { d: path(unit), class: 'map__outline', 'aria-hidden': 'true' }));
  container.replaceChildren(svg);
}
