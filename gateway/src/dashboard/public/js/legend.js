// Colour classes for the choropleth maps, and their legend.
import { html } from './format.js';

// Five sequential blues (light = low), distinguishable in print and for most colour-blind readers.
const COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_COLOUR = '#d9d9d9';

/**
 * Quantile classes over the values shown (as many places in each class as can be), so that one outlier does not
 * paint every other region the same; `colour(value)` is grey for a missing value.
 */
export function classify(values) {
  const known = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  const count = Math.min(COLOURS.length, known.length);
  const classes = Array.from({ length: count }, (_, index) => ({
    colour: COLOURS[count === 1 ? COLOURS.length - 1 : Math.round((index * (COLOURS.length - 1)) / (count - 1))],
    from: known[Math.floor((index * known.length) / count)],
    to: known[Math.floor(((index + 1) * known.length) / count) - 1],
  }));
  const colour = (value) => {
    if (value === null || value === undefined) return NO_DATA_COLOUR;
    return (classes.find((c) => value <= c.to) ?? classes[classes.length - 1]).colour;
  };
  return { classes, colour };
}

/** The legend as a list: a swatch and a range per class, and the grey of "no figure". */
export function renderLegend(container, { title, classes, format, missingLabel }) {
  const items = classes.map(
    (c) => `<li class="legend__item"><span class="legend__swatch legend__swatch--${COLOURS.indexOf(c.colour)}" aria-hidden="true"></span>${html(format(c.from))} – ${html(format(c.to))}</li>`,
  );
  if (missingLabel) items.push(`<li class="legend__item"><span class="legend__swatch legend__swatch--missing" aria-hidden="true"></span>${html(missingLabel)}</li>`);
  container.innerHTML = `<p class="legend__title" id="legend-title">${html(title)}</p><ul class="legend__list" aria-labelledby="legend-title">${items.join('')}</ul>`;
}
