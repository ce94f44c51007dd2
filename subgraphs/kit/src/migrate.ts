import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { installChangeTriggers } from './data-version-trigger.js';
import type { DatabaseHandle } from './db.js';

/**
 * Applies a subgraph's committed drizzle-kit migrations. Each subgraph keeps its own
 * migrations table, so several subgraphs can share one server database. Then every table of the schema named like
 * the subgraph gets its change trigger (data-version-trigger.ts), new tables included.
 */
export async function migrateSubgraph(handle: DatabaseHandle, name: string, migrationsFolder: string): Promise<void> {
  const config = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: `${name}_migrations` };
  await handle.withLock('vo-hub-migrations', async () => {
    if (handle.kind === 'pglite') await migratePglite(handle.db as unknown as PgliteDatabase, config);
    else await migratePostgres(handle.db as unknown as PostgresJsDatabase, config);
    await installChangeTriggers(handle.db, name);
  });
}
