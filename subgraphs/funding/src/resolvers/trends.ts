import { NATIONAL_PLACE, trendKey, type TrendKey } from '@vo/kit';
import type { YearParent } from './summary.js';

/*
 * The regions subgraph owns TrendRow; this subgraph adds `funding`: the budget year of Region.funding (a region
 * row) or Country.funding (a national row). An unknown place or period resolves to null.
 */
export const TrendRow = {
  __resolveReference: (ref: { place: string; period: string }) => trendKey(ref),
  /** Grants count in their budget year, so a quarter has no funding figures of its own. */
  funding: (row: TrendKey): YearParent | null =>
    row.span.quarter !== null ? null : { scope: row.place === NATIONAL_PLACE ? 'country' : 'region', key: row.place, year: row.span.year },
};
