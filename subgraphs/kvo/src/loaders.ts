import { ChildConnections, groupLoader, loaderPerArguments, rowLoader, type Db } from '@vo/kit';
import { createCertificationQueries, ORDERS, type Order, type Scope } from './db/queries/certifications.js';
import type { CertificationConditions } from './db/queries/filters.js';
import { createSummaryQueries, type PeriodRow, type PlaceScope, type TotalsRow } from './db/queries/summaries.js';
import { audit, type CertificationRow } from './db/schema.js';
import { CERTIFICATION_ENTITY } from './writes/certifications.js';
// The kit's batched audit history, not yet in its index (as the funding subgraph imports it).
import { auditHistories, auditHistoryLoader } from '@vo/kit';
import { trendFlowsLoader, trendStockLoader } from './trends.js';

export type Queries = ReturnType<typeof createQueries>;

/** Prepares the statements once per process; `db` is for the mutations' transactions. */
export function createQueries(db: Db) {
  return {
    db,
    certifications: createCertificationQueries(db),
    summaries: createSummaryQueries(db),
    history: auditHistories(db, audit, CERTIFICATION_ENTITY),
  };
}

/** Paginated certificate lists of many parents (sites, or places for `expiring`), one statement per argument set. */
function children(queries: Queries, scope: Scope, order: Order) {
  const parentOf = {
    site: (row: CertificationRow) => row.siteId,
    region: (row: CertificationRow) => row.regionCode,
    municipality: (row: CertificationRow) => row.municipalityCode,
    country: () => 'NL',
  }[scope];
  return new ChildConnections<CertificationRow, CertificationConditions>({
    rows: (parents, page, filter) => queries.certifications.pagePerParent(scope, parents, page, filter, order),
    counts: (parents, filter) => queries.certifications.countPerParent(scope, parents, filter),
    parentOf,
    keyOf: ORDERS[order].keyOf,
  });
}

export interface TotalsArgs {
  scope: PlaceScope;
  asOf: string;
  expiresBy: string;
}

export interface PerYearArgs {
  scope: PlaceScope;
  from: number;
  to: number;
  scheme: string | null;
  asOf: string;
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  return {
    certification: rowLoader(queries.certifications.byIds, (row) => row.id),
    siteCertifications: children(queries, 'site', 'certified'),
    expiring: {
      region: children(queries, 'region', 'expiring'),
      municipality: children(queries, 'municipality', 'expiring'),
      country: children(queries, 'country', 'expiring'),
    } satisfies Record<PlaceScope, unknown>,
    validAt: loaderPerArguments((asOf: string) =>
      groupLoader((siteIds: readonly string[]) => queries.certifications.validAt(siteIds, asOf), (row) => row.siteId),
    ),
    totals: loaderPerArguments(({ scope, asOf, expiresBy }: TotalsArgs) =>
      rowLoader((keys: readonly string[]) => queries.summaries.totals(scope, keys, [{ asOf, expiresBy }]), (row: TotalsRow) => row.key),
    ),
    perYear: loaderPerArguments(({ scope, from, to, scheme, asOf }: PerYearArgs) =>
      groupLoader(
        (keys: readonly string[]) => queries.summaries.perPeriod(scope, keys, { from, to }, false, scheme, asOf),
        (row: PeriodRow) => row.key,
      ),
    ),
    /** A trend table's rows: flows per period (expiries as known on `asOf`), and the stock at each period's end. */
    trendFlows: loaderPerArguments((asOf: string) => trendFlowsLoader(queries, asOf)),
    trendStock: trendStockLoader(queries),
    /** Every certificate's audit entries a request asks for, newest first, in one statement. */
    history: auditHistoryLoader(queries.history),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
