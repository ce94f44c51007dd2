import { sql } from 'drizzle-orm';
import type { Db } from './db.js';

/** The one channel every subgraph's tables notify on after a committed write; the payload is the schema's name. */
export const DATA_CHANGED_CHANNEL = 'vo_data_changed';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Puts a statement-level trigger on every table of `schema` that notifies DATA_CHANGED_CHANNEL. Postgres delivers a
 * notification only after its transaction commits, folds equal ones of one transaction into one, and fires the trigger
 * whoever writes (a mutation, a CSV import, the seed, psql). Idempotent: the migrator runs it after every migration
 * run, so a table a later migration adds gets its trigger then. Triggers are invisible to drizzle-kit's snapshots.
 */
export async function installChangeTriggers(db: Db, schema: string): Promise<void> {
  // A DO block takes no parameters, so the name goes in as text: only a plain lower-case identifier is accepted.
  if (!IDENTIFIER.test(schema)) throw new Error(`Not a plain schema name: ${JSON.stringify(schema)}`);
  await db.execute(sql.raw(`create or replace function "${schema}".vo_notify_data_changed() returns trigger
    language plpgsql as $$ begin perform pg_notify('${DATA_CHANGED_CHANNEL}', tg_table_schema); return null; end $$`));
  await db.execute(sql.raw(`do $$ declare t record; begin
    for t in select tablename from pg_tables where schemaname = '${schema}' loop
      execute format('create or replace trigger vo_data_changed after insert or update or delete or truncate on %I.%I '
        'for each statement execute function %I.vo_notify_data_changed()', '${schema}', t.tablename, '${schema}');
    end loop; end $$`));
}
