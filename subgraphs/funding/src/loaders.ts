import { ChildConnections, groupBy, groupLoader, keyedLoader, loaderPerArguments, rowLoader, type Db } from '@vo/kit';
import { createGrantQueries, type GrantChildFilter, type Side } from './db/queries/grants.js';
import { aggregate, type AggregateRow, type Dimension, type ScopeName, type Window } from './db/queries/summaries.js';
import { audit, type GrantRow } from './db/schema.js';
import { createGrantWrites } from './writes/grants.js';
import { auditHistories, auditHistoryLoader } from '@vo/kit';
import type { PartyType } from './parties.js';

export type Queries = ReturnType<typeof createQueries>;

/** Prepares the statements once per process. */
export function createQueries(db: Db) {
  return {
    grants: createGrantQueries(db),
    aggregate: (scope: ScopeName, keys: readonly string[], dimension: Dimension, window: Window) =>
      aggregate(db, scope, keys, dimension, window),
    writes: createGrantWrites(db),
    history: auditHistories(db, audit, 'Grant'),
  };
}

function grantChildren(queries: Queries, side: Side, type: PartyType) {
  return new ChildConnections<GrantRow, GrantChildFilter>({
    rows: (parents, page, filter) => queries.grants.pagePerParent(side, type, parents, page, filter),
    counts: (parents, filter) => queries.grants.countPerParent(side, type, parents, filter),
    parentOf: (row) => (side === 'funder' ? row.funderId : row.recipientId),
    keyOf: (row) => [row.id],
  });
}

export interface SummaryArgs {
  scope: ScopeName;
  dimension: Dimension;
  window: Window;
}

/** One parent in one budget year: a FundingYear of a summary, or a trend row's FundingPeriod. */
export interface YearKey {
  key: string;
  year: number;
}

const yearKey = (key: YearKey) => `${key.key}|${key.year}`;

/**
 * Amounts per parent and budget year, for every parent and year a request asks about in one statement: the years
 * of all its keys form one range, and the rows are handed back per parent and year.
 */
function yearlyLoader(queries: Queries, scope: ScopeName, dimension: Dimension) {
  return keyedLoader<YearKey, AggregateRow[]>(async (keys) => {
    const years = keys.map((key) => key.year);
    const parents = [...new Set(keys.map((key) => key.key))];
    const rows = await queries.aggregate(scope, parents, dimension, { from: Math.min(...years), to: Math.max(...years) });
    const byYear = groupBy(rows, (row) => yearKey({ key: row.key, year: row.year ?? 0 }));
    return keys.map((key) => byYear.get(yearKey(key)) ?? []);
  }, yearKey);
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    grant: rowLoader(queries.grants.byIds, (row) => row.id),
    history: auditHistoryLoader(queries.history),
    organisationGiven: grantChildren(queries, 'funder', 'ORGANISATION'),
    organisationReceived: grantChildren(queries, 'recipient', 'ORGANISATION'),
    municipalityGiven: grantChildren(queries, 'funder', 'MUNICIPALITY'),
    municipalityReceived: grantChildren(queries, 'recipient', 'MUNICIPALITY'),
    summary: loaderPerArguments(({ scope, dimension, window }: SummaryArgs) =>
      groupLoader((keys: readonly string[]) => queries.aggregate(scope, keys, dimension, window), (row: AggregateRow) => row.key),
    ),
    yearly: loaderPerArguments(({ scope, dimension }: { scope: ScopeName; dimension: Dimension }) => yearlyLoader(queries, scope, dimension)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
