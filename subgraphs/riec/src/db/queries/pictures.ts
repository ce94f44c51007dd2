import { afterCursor, anyOf, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { HalfYear } from '../../periods.js';
import { pictures } from '../schema.js';

/** Filters a region's list of pictures takes, already checked. */
export interface PictureFilter {
  year: number | null;
  period: HalfYear | null;
  theme: string | null;
}

/** Filters of the top-level list: a region's filters and the region itself. */
export interface PictureListFilter extends PictureFilter {
  region: string | null;
}

/** Every answer leaves withdrawn pictures out: once withdrawn, a picture is gone from lists, lookups and signals alike. */
const published = isNull(pictures.withdrawnAt);

function where(filter: PictureListFilter): SQL | undefined {
  return and(
    published,
    filter.region ? eq(pictures.regionCode, filter.region) : undefined,
    filter.year != null ? eq(pictures.year, filter.year) : undefined,
    filter.period ? and(eq(pictures.year, filter.period.year), eq(pictures.half, filter.period.half)) : undefined,
    filter.theme ? eq(pictures.theme, filter.theme) : undefined,
  );
}

/** One region's signals in one year, over every theme. */
export interface SignalYearRow {
  regionCode: string;
  year: number;
  pictureCount: number;
  signalCount: number;
}

export function createPictureQueries(db: Db) {
  const byIds = db.select().from(pictures).where(and(published, anyOf(pictures.id, sql.placeholder('ids')))).prepare('riec_pictures_by_ids');
  return {
    byIds: (ids: readonly string[]) => byIds.execute({ ids }),
    /** The pictures of many regions in one statement, for Region.underminingPictures. Ids sort by period, then theme. */
    byRegions: (codes: readonly string[], filter: PictureFilter) =>
      db
        .select()
        .from(pictures)
        .where(and(anyOf(pictures.regionCode, codes), where({ ...filter, region: null })))
        .orderBy(asc(pictures.id)),
    list: (filter: PictureListFilter, page: Page) =>
      db
        .select()
        .from(pictures)
        .where(and(where(filter), afterCursor([pictures.id], page)))
        .orderBy(asc(pictures.id))
        .limit(page.limit + 1),
    count: async (filter: PictureListFilter) => (await db.select({ count: count() }).from(pictures).where(where(filter)))[0].count,
    /** Signals per region and year, summed in SQL, for many regions in one statement. */
    signalsPerYear: (codes: readonly string[], range: { from: number; to: number }): Promise<SignalYearRow[]> =>
      db
        .select({
          regionCode: pictures.regionCode,
          year: pictures.year,
          pictureCount: count(),
          signalCount: sql<number>`sum(${pictures.signalCount})`.mapWith(Number),
        })
        .from(pictures)
        .where(and(published, anyOf(pictures.regionCode, codes), sql`${pictures.year} between ${range.from} and ${range.to}`))
        .groupBy(pictures.regionCode, pictures.year),
  };
}
