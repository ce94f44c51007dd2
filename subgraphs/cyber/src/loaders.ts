import { groupBy, groupLoader, keyedLoader, loaderPerArguments, rowLoader, type DataChanges, type Db, type Viewer } from '@vo/kit';
import { createSuppression } from './suppression/index.js';
import { createCellQueries } from './db/queries/cells.js';
import { createScanQueries } from './db/queries/scans.js';
import {
  createSummaryQueries,
  type Breakdown,
  type GroupFilter,
  type Scope,
  type SummaryFilter,
  type SummaryRow,
} from './db/queries/summaries.js';
import { audit, type ScanInsert } from './db/schema.js';
import { auditHistories, auditHistoryLoader } from '@vo/kit';
import { SCAN_ENTITY, storeScans } from './writes/submit.js';

export type Queries = ReturnType<typeof createQueries>;

/**
 * Prepares the statements once per process, and starts computing the suppression pattern right
 * away, so no request waits for it or counts its statement; `changes` makes it follow every write to the schema.
 */
export function createQueries(db: Db, minGroupSize: number, changes?: DataChanges) {
  return {
    scans: createScanQueries(db),
    summaries: createSummaryQueries(db),
    suppression: createSuppression(createCellQueries(db), minGroupSize, changes),
    history: auditHistories(db, audit, SCAN_ENTITY),
    storeScans: (viewer: Viewer, rows: readonly ScanInsert[]) => storeScans(db, viewer, rows),
  };
}

/**
 * Per-request summary loaders, one per scope, breakdown and filter: ten regions asking for the same summary share
 * one statement, and so do summaries of single years (`cyber(year:)`) of many places and years, such as every cell
 * of a trend table.
 */
function summaryLoaders(queries: Queries) {
  const allYears = loaderPerArguments(([scope, breakdown, filter]: [Scope, Breakdown, Required<GroupFilter>]) =>
    groupLoader((keys: readonly string[]) => queries.summaries.summarise(scope, keys, filter, breakdown, null), (row: SummaryRow) => row.scopeKey),
  );
  const yearKey = (key: { key: string; year: number | null }) => `${key.key}|${key.year}`;
  const singleYears = loaderPerArguments(([scope, breakdown, filter]: [Scope, Breakdown, Required<GroupFilter>]) =>
    keyedLoader<{ key: string; year: number }, SummaryRow[]>(async (keys) => {
      const places = [...new Set(keys.map((key) => key.key))];
      const years = [...new Set(keys.map((key) => key.year))];
      const rows = await queries.summaries.summarise(scope, places, filter, breakdown, years);
      const byYear = groupBy(rows, (row) => yearKey({ key: row.scopeKey, year: row.year }));
      return keys.map((key) => byYear.get(yearKey(key)) ?? []);
    }, yearKey),
  );
  return {
    load(scope: Scope, key: string, filter: SummaryFilter, breakdown: Breakdown): Promise<SummaryRow[]> {
      // Fixed property order, so equal arguments always give the same loader.
      const normal = { instrument: filter.instrument ?? null, sector: filter.sector ?? null };
      if (filter.year == null) return allYears([scope, breakdown, normal]).load(key);
      return singleYears([scope, breakdown, normal]).load({ key, year: filter.year });
    },
  };
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    scan: rowLoader(queries.scans.byIds, (row) => row.id),
    summaries: summaryLoaders(queries),
    history: auditHistoryLoader(queries.history),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
