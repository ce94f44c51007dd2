// Colour classes for the choropleth maps, and their legend.
import { html } from './format.js';

// Five sequential blues (light = low), distinguishable in print and for most colour-blind readers.
const COLOURS = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
export const NO_DATA_COLOUR = '#d9d9d9';

/** Equal-interval classes over the values shown; `colour(value)` is grey for a missing value. */
export function classify(values) {
  const known = values.filter((value) => value !== null && value !== undefined);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = (max - min) / COLOURS.length || 1;
  const classes = COLOURS.map((colour, index) => ({ colour, from: min + index * step, to: index === COLOURS.length - 1 ? max : min + (index + 1) * step }));
  const colour = (value) => {
    if (value === null || value === undefined) return NO_DATA_COLOUR;
    const index = Math.min(COLOURS.length - 1, Math.floor((value - min) / step));
    return COLOURS[Math.max(0, index)];
  };
  return { classes: known.length > 0 ? classes : [], colour };
}

/** The legend as a list: a swatch and a range per class, and the grey of "no figure". */
export function renderLegend(container, { title, classes, format, missingLabel }) {
  const items = classes.map(
    (c) => `<li class="legend__item"><span class="legend__swatch legend__swatch--${COLOURS.indexOf(c.colour)}" aria-hidden="true"></span>${html(format(c.from))} – ${html(format(c.to))}</li>`,
  );
  if (missingLabel) items.push(`<li class="legend__item"><span class="legend__swatch legend__swatch--missing" aria-hidden="true"></span>${html(missingLabel)}</li>`);
  container.innerHTML = `<p class="legend__title" id="legend-title">${html(title)}</p><ul class="legend__list" aria-labelledby="legend-title">${items.join('')}</ul>`;
}
