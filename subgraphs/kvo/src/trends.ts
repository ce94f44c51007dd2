import { NATIONAL_PLACE, groupBy, keyedLoader, type TrendKey } from '@vo/kit';
import type { PeriodRow, PlaceScope, TotalsRow } from './db/queries/summaries.js';
import { flowsPerPeriod, type KvoFlows } from './flows.js';
import type { Queries } from './loaders.js';

/*
 * The batch functions behind a trend table's KVO figures. A trend table reaches this subgraph as one `_entities`
 * request holding all its rows; each loader answers every row with one statement per scope (the regions, the
 * country), however many regions and periods the table has.
 */

const scopeOf = (place: string): PlaceScope => (place === NATIONAL_PLACE ? 'country' : 'region');
const unique = <T>(values: T[]) => [...new Set(values)];
const trendCacheKey = (key: TrendKey) => `${key.place}|${key.period}`;

/** New, renewed and expired certificates per trend row; expiries as known on `asOf`, as `KvoSummary.perYear` counts them. */
export function trendFlowsLoader(queries: Queries, asOf: string) {
  return keyedLoader<TrendKey, KvoFlows>(async (keys) => {
    const flows = new Map<string, KvoFlows>();
    // Years and quarters are counted by different statements; a table holds only one kind.
    const groups = groupBy(keys, (key) => `${scopeOf(key.place)} ${key.span.quarter === null ? 'years' : 'quarters'}`);
    await Promise.all(
      [...groups.values()].map(async (group) => {
        const years = group.map((key) => key.span.year);
        const rows = await queries.summaries.perPeriod(
          scopeOf(group[0].place),
          unique(group.map((key) => key.place)),
          { from: Math.min(...years), to: Math.max(...years) },
          group[0].span.quarter !== null,
          null,
          asOf,
        );
        const perPlace = new Map([...groupBy(rows, (row: PeriodRow) => row.key)].map(([place, own]) => [place, flowsPerPeriod(own)]));
        const none = flowsPerPeriod([]);
        for (const key of group) flows.set(trendCacheKey(key), (perPlace.get(key.place) ?? none)(key.span.year, key.span.quarter));
      }),
    );
    return keys.map((key) => flows.get(trendCacheKey(key))!);
  }, trendCacheKey);
}

/** A place on one day: a trend row's place on its period's last day. */
export interface PlaceDay {
  place: string;
  day: string;
}

/** The certificates valid on a place's day, as `kvo(asOf:)` counts them; null when none is. */
export function trendStockLoader(queries: Queries) {
  const cacheKey = (key: PlaceDay) => `${key.place}|${key.day}`;
  return keyedLoader<PlaceDay, TotalsRow | null>(async (keys) => {
    const totals = new Map<string, TotalsRow>();
    await Promise.all(
      [...groupBy(keys, (key) => scopeOf(key.place))].map(async ([scope, group]) => {
        const days = unique(group.map((key) => key.day)).map((day) => ({ asOf: day, expiresBy: day }));
        const rows = await queries.summaries.totals(scope, unique(group.map((key) => key.place)), days);
        for (const row of rows) totals.set(cacheKey({ place: row.key, day: row.asOf }), row);
      }),
    );
    return keys.map((key) => totals.get(cacheKey(key)) ?? null);
  }, cacheKey);
}
