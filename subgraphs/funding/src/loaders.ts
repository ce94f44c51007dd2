import { ChildConnections, groupLoader, loaderPerArguments, rowLoader, type Db } from '@vo/kit';
import { createGrantQueries, type GrantChildFilter, type Side } from './db/queries/grants.js';
import { aggregate, type AggregateRow, type Dimension, type ScopeName, type Window } from './db/queries/summaries.js';
import type { GrantRow } from './db/schema.js';
import type { PartyType } from './parties.js';

export type Queries = ReturnType<typeof createQueries>;

/** Prepares the statements once per process. */
export function createQueries(db: Db) {
  return {
    grants: createGrantQueries(db),
    aggregate: (scope: ScopeName, keys: readonly string[], dimension: Dimension, window: Window) =>
      aggregate(db, scope, keys, dimension, window),
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

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    grant: rowLoader(queries.grants.byIds, (row) => row.id),
    organisationGiven: grantChildren(queries, 'funder', 'ORGANISATION'),
    organisationReceived: grantChildren(queries, 'recipient', 'ORGANISATION'),
    municipalityGiven: grantChildren(queries, 'funder', 'MUNICIPALITY'),
    municipalityReceived: grantChildren(queries, 'recipient', 'MUNICIPALITY'),
    summary: loaderPerArguments(({ scope, dimension, window }: SummaryArgs) =>
      groupLoader((keys: readonly string[]) => queries.aggregate(scope, keys, dimension, window), (row: AggregateRow) => row.key),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
