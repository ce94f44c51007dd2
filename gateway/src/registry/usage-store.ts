import type { Db } from '@vo/kit';
import { gte, lt, sql } from 'drizzle-orm';
import { fieldUsage } from './db/schema.js';

/** Operations that used a coordinate, summed over a window, for one client. */
export interface CoordinateUsage {
  coordinate: string;
  clientName: string;
  count: number;
}

export interface UsageRow extends CoordinateUsage {
  /** YYYY-MM-DD (UTC). */
  day: string;
}

/** Rows per insert statement: well under PostgreSQL's 65,535 bind parameters (4 per row). */
const BATCH = 1000;

/** Adds counts to the day's totals, one multi-row upsert per batch. */
export async function addUsage(db: Db, rows: UsageRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insert(fieldUsage)
      .values(rows.slice(start, start + BATCH))
      .onConflictDoUpdate({
        target: [fieldUsage.day, fieldUsage.coordinate, fieldUsage.clientName],
        set: { count: sql`${fieldUsage.count} + excluded.count` },
      });
  }
}

/** Every coordinate used since `sinceDay` (inclusive), with its count per client. */
export async function usageSince(db: Db, sinceDay: string): Promise<CoordinateUsage[]> {
  const rows = await db
    .select({ coordinate: fieldUsage.coordinate, clientName: fieldUsage.clientName, count: sql<string>`sum(${fieldUsage.count})` })
    .from(fieldUsage)
    .where(gte(fieldUsage.day, sinceDay))
    .groupBy(fieldUsage.coordinate, fieldUsage.clientName);
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** Forgets the days before `day`: they no longer count for any check. */
export async function pruneUsage(db: Db, day: string): Promise<void> {
  await db.delete(fieldUsage).where(lt(fieldUsage.day, day));
}
