import { groupLoader, loaderPerArguments, rowLoader, type Db } from '@vo/kit';
import { createSuppression } from './suppression/index.js';
import { createCellQueries } from './db/queries/cells.js';
import { createScanQueries } from './db/queries/scans.js';
import { createSummaryQueries, type Breakdown, type Scope, type SummaryFilter, type SummaryRow } from './db/queries/summaries.js';

export type Queries = ReturnType<typeof createQueries>;

/**
 * Prepares the statements once per process, and starts computing the suppression pattern right
 * away, so no request waits for it or counts its statement.
 */
export function createQueries(db: Db, minGroupSize: number) {
  return {
    scans: createScanQueries(db),
    summaries: createSummaryQueries(db),
    suppression: createSuppression(createCellQueries(db), minGroupSize),
  };
}

/**
 * Per-request summary loaders, one per scope, breakdown and argument set: ten regions asking for
 * the same summary with the same arguments share one statement.
 */
function summaryLoaders(queries: Queries) {
  const loaderFor = loaderPerArguments(([scope, breakdown, filter]: [Scope, Breakdown, Required<SummaryFilter>]) =>
    groupLoader((keys: readonly string[]) => queries.summaries.summarise(scope, keys, filter, breakdown), (row: SummaryRow) => row.scopeKey),
  );
  return {
    load(scope: Scope, key: string, filter: SummaryFilter, breakdown: Breakdown): Promise<SummaryRow[]> {
      // Fixed property order, so equal arguments always give the same loader.
      const normal = { year: filter.year ?? null, instrument: filter.instrument ?? null, sector: filter.sector ?? null };
      return loaderFor([scope, breakdown, normal]).load(key);
    },
  };
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    scan: rowLoader(queries.scans.byIds, (row) => row.id),
    summaries: summaryLoaders(queries),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
