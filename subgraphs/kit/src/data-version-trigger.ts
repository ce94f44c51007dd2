import { sql } from 'drizzle-orm';
import type { Db } from './db.js';
import { rowsOf } from './import/stage.js';

/** The one channel every subgraph's tables notify on after a committed write; the payload is the schema's name. */
export const DATA_CHANGED_CHANNEL = 'vo_data_changed';

/**
 * Puts a statement-level trigger on every table of `schema` that notifies DATA_CHANGED_CHANNEL. Postgres delivers a
 * notification only after its transaction commits, folds equal ones of one transaction into one, and fires the trigger
 * whoever writes (a mutation, a CSV import, the seed, psql). Idempotent: the migrator runs it after every migration
 * run, so a table a later migration adds gets its trigger then. Triggers are invisible to drizzle-kit's snapshots.
 * Names are quoted identifiers, so a partner's subgraph named with a hyphen (harbour-watch) gets its triggers too.
 */
export async function installChangeTriggers(db: Db, schema: string): Promise<void> {
  const owner = sql.identifier(schema);
  await db.execute(sql`create or replace function ${owner}.vo_notify_data_changed() returns trigger
    language plpgsql as $$ begin perform pg_notify(${sql.raw(`'${DATA_CHANGED_CHANNEL}'`)}, tg_table_schema); return null; end $$`);
  const tables = rowsOf<{ tablename: string }>(await db.execute(sql`select tablename from pg_tables where schemaname = ${schema}`));
  for (const { tablename } of tables) {
    await db.execute(sql`create or replace trigger vo_data_changed after insert or update or delete or truncate
      on ${owner}.${sql.identifier(tablename)} for each statement execute function ${owner}.vo_notify_data_changed()`);
  }
}
