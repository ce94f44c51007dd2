import { afterCursor, anyOf, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { municipalities, sites } from '../schema.js';

export interface MunicipalityFilter {
  region?: string | null;
  province?: string | null;
  nameContains?: string | null;
}

function where(filter: MunicipalityFilter): SQL | undefined {
  return and(
    filter.region ? eq(municipalities.regionCode, filter.region) : undefined,
    filter.province ? eq(municipalities.province, filter.province) : undefined,
    filter.nameContains ? ilike(municipalities.name, `%${escapeLike(filter.nameContains)}%`) : undefined,
  );
}

/** Makes % and _ in a user's search text match themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function createMunicipalityQueries(db: Db) {
  const byCodes = db
    .select()
    .from(municipalities)
    .where(anyOf(municipalities.code, sql.placeholder('codes')))
    .prepare('municipalities_by_codes');
  const byRegions = db
    .select()
    .from(municipalities)
    .where(anyOf(municipalities.regionCode, sql.placeholder('codes')))
    .orderBy(asc(municipalities.code))
    .prepare('municipalities_by_regions');
  const businessParks = db
    .select({ municipalityCode: sites.municipalityCode, count: count() })
    .from(sites)
    .where(sql`${anyOf(sites.municipalityCode, sql.placeholder('codes'))} and ${eq(sites.kind, 'BUSINESS_PARK')}`)
    .groupBy(sites.municipalityCode)
    .prepare('business_parks_by_municipality');

  return {
    byCodes: (codes: readonly string[]) => byCodes.execute({ codes }),
    byRegions: (codes: readonly string[]) => byRegions.execute({ codes }),
    businessParks: (codes: readonly string[]) => businessParks.execute({ codes }),
    list: (filter: MunicipalityFilter, page: Page) =>
      db
        .select()
        .from(municipalities)
        .where(and(where(filter), afterCursor([municipalities.code], page)))
        .orderBy(asc(municipalities.code))
        .limit(page.limit + 1),
    count: async (filter: MunicipalityFilter) =>
      (await db.select({ count: count() }).from(municipalities).where(where(filter)))[0].count,
  };
}
