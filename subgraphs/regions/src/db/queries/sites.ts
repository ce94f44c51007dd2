import { afterCursor, anyOf, selectPagePerParent, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { sites } from '../schema.js';

export interface SiteFilter {
  region?: string | null;
  municipality?: string | null;
  kind?: string | null;
}

const where = (filter: SiteFilter) =>
  and(
    filter.region ? eq(sites.regionCode, filter.region) : undefined,
    filter.municipality ? eq(sites.municipalityCode, filter.municipality) : undefined,
    filter.kind ? eq(sites.kind, filter.kind) : undefined,
  );

export function createSiteQueries(db: Db) {
  const byIds = db.select().from(sites).where(anyOf(sites.id, sql.placeholder('ids'))).prepare('sites_by_ids');

  /** Pages of sites for many parents (regions or municipalities) in one statement. */
  const pagePerParent = (parent: PgColumn, parents: readonly string[], page: Page, filter: SiteFilter) =>
    selectPagePerParent(db, sites, { parent, parents, page, order: [sites.id], where: where(filter) });
  const countPerParent = async (parent: PgColumn, parents: readonly string[], filter: SiteFilter) => {
    const rows = await db
      .select({ parent: sql<string>`${parent}`, count: count() })
      .from(sites)
      .where(and(anyOf(parent, parents), where(filter)))
      .groupBy(parent);
    return new Map(rows.map((row) => [row.parent, row.count]));
  };

  return {
    byIds: (ids: readonly string[]) => byIds.execute({ ids }),
    pagePerParent,
    countPerParent,
    list: (filter: SiteFilter, page: Page) =>
      db
        .select()
        .from(sites)
        .where(and(where(filter), afterCursor([sites.id], page)))
        .orderBy(asc(sites.id))
        .limit(page.limit + 1),
    count: async (filter: SiteFilter) => (await db.select({ count: count() }).from(sites).where(where(filter)))[0].count,
  };
}
