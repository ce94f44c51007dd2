import { anyOf, type Db } from '@vo/kit';
import { asc, count, eq, sql } from 'drizzle-orm';
import { municipalities, pvoPartners, pvos, regions, sites } from '../schema.js';

export function createRegionQueries(db: Db) {
  const byCodes = db.select().from(regions).where(anyOf(regions.code, sql.placeholder('codes'))).prepare('regions_by_codes');
  const all = db.select().from(regions).orderBy(asc(regions.position)).prepare('regions_all');
  const pvosByRegion = db.select().from(pvos).where(anyOf(pvos.regionCode, sql.placeholder('codes'))).prepare('pvos_by_region');
  const partnersByRegion = db
    .select()
    .from(pvoPartners)
    .where(anyOf(pvoPartners.regionCode, sql.placeholder('codes')))
    .orderBy(asc(pvoPartners.regionCode), asc(pvoPartners.organisationId))
    .prepare('pvo_partners_by_region');
  const statsByRegion = db
    .select({
      regionCode: municipalities.regionCode,
      population: sql<number>`sum(${municipalities.population})::int`,
      municipalityCount: count(),
      provinces: sql<string[]>`array_agg(distinct ${municipalities.province} order by ${municipalities.province})`,
    })
    .from(municipalities)
    .where(anyOf(municipalities.regionCode, sql.placeholder('codes')))
    .groupBy(municipalities.regionCode)
    .prepare('region_stats');
  const businessParksByRegion = db
    .select({ regionCode: sites.regionCode, count: count() })
    .from(sites)
    .where(sql`${anyOf(sites.regionCode, sql.placeholder('codes'))} and ${eq(sites.kind, 'BUSINESS_PARK')}`)
    .groupBy(sites.regionCode)
    .prepare('business_parks_by_region');
  const country = db
    .select({
      population: sql<number>`sum(${municipalities.population})::int`,
      municipalityCount: count(),
      businessParkCount: sql<number>`(select count(*)::int from ${sites} where ${sites.kind} = 'BUSINESS_PARK')`,
    })
    .from(municipalities)
    .prepare('country_stats');

  return {
    all: () => all.execute(),
    byCodes: (codes: readonly string[]) => byCodes.execute({ codes }),
    pvosByRegion: (codes: readonly string[]) => pvosByRegion.execute({ codes }),
    partnersByRegion: (codes: readonly string[]) => partnersByRegion.execute({ codes }),
    statsByRegion: (codes: readonly string[]) => statsByRegion.execute({ codes }),
    businessParksByRegion: (codes: readonly string[]) => businessParksByRegion.execute({ codes }),
    country: async () => (await country.execute())[0],
  };
}
