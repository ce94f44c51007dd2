import { sql } from 'drizzle-orm';
import type { Db } from '../db.js';
import { rowsOf } from './stage.js';

/**
 * An md5 of every row of every table in a Postgres schema, table by table, rows in a fixed order: equal before and
 * after a refused import proves it wrote nothing at all.
 */
export async function schemaChecksum(db: Db, schema: string): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = ${schema} and table_type = 'BASE TABLE' order by 1`),
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const table = sql.raw(`"${schema}"."${name}"`);
    const [row] = rowsOf<{ sum: string; count: number }>(
      await db.execute(sql`select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum, count(*)::int as count from ${table} t`),
    );
    sums[name] = `${row!.count}:${row!.sum}`;
  }
  return sums;
}
