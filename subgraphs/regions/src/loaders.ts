import { ChildConnections, groupLoader, onceLoader, rowLoader, valueLoader, type Db } from '@vo/kit';
import { createMunicipalityQueries } from './db/queries/municipalities.js';
import { createOrganisationQueries } from './db/queries/organisations.js';
import { createRegionQueries } from './db/queries/regions.js';
import { createSiteQueries, type SiteFilter } from './db/queries/sites.js';
import { audit, municipalities, sites } from './db/schema.js';
import { createPvoWrites } from './writes/pvos.js';
import { auditHistories, auditHistoryLoader } from '@vo/kit';

export type Queries = ReturnType<typeof createQueries>;

/** Prepares the statements once per process. */
export function createQueries(db: Db) {
  return {
    regions: createRegionQueries(db),
    municipalities: createMunicipalityQueries(db),
    organisations: createOrganisationQueries(db),
    sites: createSiteQueries(db),
    writes: createPvoWrites(db),
    pvoHistory: auditHistories(db, audit, 'Pvo'),
  };
}

type SiteRow = typeof sites.$inferSelect;

function siteChildren(queries: Queries, parent: typeof sites.regionCode | typeof sites.municipalityCode) {
  return new ChildConnections<SiteRow, SiteFilter>({
    rows: (parents, page, filter) => queries.sites.pagePerParent(parent, parents, page, filter),
    counts: (parents, filter) => queries.sites.countPerParent(parent, parents, filter),
    parentOf: (row) => (parent === sites.regionCode ? row.regionCode : row.municipalityCode),
    keyOf: (row) => [row.id],
  });
}

/** One set of loaders per request, so batching and caching never cross requests. */
export function createLoaders(queries: Queries) {
  const q = queries;
  return {
    country: onceLoader(q.regions.country),
    region: rowLoader(q.regions.byCodes, (row) => row.code),
    regionStats: rowLoader(q.regions.statsByRegion, (row) => row.regionCode),
    regionBusinessParks: valueLoader(q.regions.businessParksByRegion, (row) => row.regionCode, (row) => row.count, 0),
    pvo: rowLoader(q.regions.pvosByRegion, (row) => row.regionCode),
    pvoPartners: groupLoader(q.regions.partnersByRegion, (row) => row.regionCode),
    pvoHistory: auditHistoryLoader(q.pvoHistory),
    municipality: rowLoader(q.municipalities.byCodes, (row) => row.code),
    regionMunicipalities: groupLoader(q.municipalities.byRegions, (row: typeof municipalities.$inferSelect) => row.regionCode),
    municipalityBusinessParks: valueLoader(q.municipalities.businessParks, (row) => row.municipalityCode, (row) => row.count, 0),
    organisation: rowLoader(q.organisations.byIds, (row) => row.id),
    site: rowLoader(q.sites.byIds, (row) => row.id),
    regionSites: siteChildren(q, sites.regionCode),
    municipalitySites: siteChildren(q, sites.municipalityCode),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
