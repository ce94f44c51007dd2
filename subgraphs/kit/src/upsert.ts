import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';

const CHUNK = 500;

/**
 * Inserts rows, updating those whose key exists: running a seed twice leaves the same data.
 * Rows go in chunks so one statement stays well under Postgres' parameter limit.
 */
export async function upsertAll<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][], key: PgColumn[]) {
  const keyNames = new Set(key.map((column) => column.name));
  const set: Record<string, SQL> = {};
  for (const [property, column] of Object.entries(getTableColumns(table))) {
    if (!keyNames.has(column.name)) set[property] = sql.raw(`excluded."${column.name}"`);
  }
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const insert = db.insert(table as PgTable).values(chunk);
    await (Object.keys(set).length ? insert.onConflictDoUpdate({ target: key, set }) : insert.onConflictDoNothing());
  }
}

/** Whether a table holds any row: a subgraph is seeded once its anchor table is. */
export async function hasRows(db: Db, table: PgTable): Promise<boolean> {
  const rows = await db.select({ one: sql`1` }).from(table).limit(1);
  return rows.length > 0;
}
