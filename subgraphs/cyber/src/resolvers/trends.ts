import { NATIONAL_PLACE, trendKey, type TrendKey } from '@vo/kit';
import { summary } from './places.js';

/*
 * The regions subgraph owns TrendRow; this subgraph adds `cyber`: exactly the summary Region.cyber(year:) or, on
 * a national row, Country.cyber(year:) gives, so each figure is the same cell of the table small-group suppression
 * protects, withheld the same way. An unknown place or period resolves to null.
 */
export const TrendRow = {
  __resolveReference: (ref: { place: string; period: string }) => trendKey(ref),
  /** Figures are published per whole calendar year only; a quarter would be a cell the suppression pattern lacks. */
  cyber: (row: TrendKey) =>
    row.span.quarter !== null ? null : summary(row.place === NATIONAL_PLACE ? 'country' : 'region', row.place, { year: row.span.year }),
};
