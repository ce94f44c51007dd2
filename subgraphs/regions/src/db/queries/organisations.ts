import { afterCursor, anyOf, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { organisations } from '../schema.js';

export interface OrganisationFilter {
  type?: string | null;
  region?: string | null;
}

const where = (filter: OrganisationFilter) =>
  and(
    filter.type ? eq(organisations.type, filter.type) : undefined,
    filter.region ? eq(organisations.regionCode, filter.region) : undefined,
  );

export function createOrganisationQueries(db: Db) {
  const byIds = db
    .select()
    .from(organisations)
    .where(anyOf(organisations.id, sql.placeholder('ids')))
    .prepare('organisations_by_ids');

  return {
    byIds: (ids: readonly string[]) => byIds.execute({ ids }),
    list: (filter: OrganisationFilter, page: Page) =>
      db
        .select()
        .from(organisations)
        .where(and(where(filter), afterCursor([organisations.id], page)))
        .orderBy(asc(organisations.id))
        .limit(page.limit + 1),
    count: async (filter: OrganisationFilter) =>
      (await db.select({ count: count() }).from(organisations).where(where(filter)))[0].count,
  };
}
