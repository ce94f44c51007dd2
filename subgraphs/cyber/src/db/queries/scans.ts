import { afterCursor, anyOf, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, getTableColumns, sql } from 'drizzle-orm';
import { overallScore, scans } from '../schema.js';
import { scanConditions, withinYears, type ScanConditions } from './filters.js';

/** The filters of the scan list: the shared conditions plus one calendar year, always within one owner's scans. */
export interface ScanFilter extends ScanConditions {
  year?: number | null;
  owner: string;
}

const columns = { ...getTableColumns(scans), overallScore };

export type ScanWithScore = typeof scans.$inferSelect & { overallScore: number };

function where(filter: ScanFilter) {
  const { year, owner, ...conditions } = filter;
  return and(eq(scans.ownerOrganisation, owner), scanConditions(year == null ? conditions : withinYears(conditions, year, year)));
}

export function createScanQueries(db: Db) {
  const byIds = db
    .select(columns)
    .from(scans)
    .where(anyOf(scans.id, sql.placeholder('ids')))
    .prepare('cyber_scans_by_ids');
  // The list runs oldest first; the cursor holds (date, id), which the listing index covers.
  const order = [scans.scannedOn, scans.id];

  return {
    byIds: (ids: readonly string[]): Promise<ScanWithScore[]> => byIds.execute({ ids }),
    list: (filter: ScanFilter, page: Page): Promise<ScanWithScore[]> =>
      db
        .select(columns)
        .from(scans)
        .where(and(where(filter), afterCursor(order, page)))
        .orderBy(...order.map((column) => asc(column)))
        .limit(page.limit + 1),
    count: async (filter: ScanFilter) => (await db.select({ count: count() }).from(scans).where(where(filter)))[0].count,
  };
}
