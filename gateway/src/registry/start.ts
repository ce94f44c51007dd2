import { openDatabase, serviceLogger, type DatabaseHandle } from '@vo/kit';
import { readFileSync } from 'node:fs';
import type { RegistrySettings } from './env.js';
import { readLastGood } from './last-good.js';
import { openRegistry } from './open.js';
import type { Registry } from './registry.js';

export type RegistryStart =
  | { registry: Registry; supergraphSdl?: undefined; close(): Promise<void> }
  | { registry?: undefined; supergraphSdl: string; close(): Promise<void> };

/**
 * Opens the registry for the gateway. When its database cannot be reached the gateway still starts, serving the
 * last good supergraph from disk (or, on a machine that never had one, the committed supergraph), without the
 * registry: publishing waits until the database is back and the gateway restarts.
 */
export async function startRegistry(
  settings: RegistrySettings,
  options: { subgraphUrls?: Record<string, string>; committedSupergraphPath: string },
): Promise<RegistryStart> {
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase(settings.databaseUrl ? { url: settings.databaseUrl, poolSize: 4 } : { dataDir: settings.dataDir });
    const registry = await openRegistry({ ...settings, database, subgraphUrls: options.subgraphUrls });
    const { supergraph, members } = registry.active;
    const versions = members.map((member) => `${member.subgraph} v${member.version}`).join(', ');
    serviceLogger('gateway').info(`Schema registry (${database.kind}): supergraph ${supergraph.id} of ${versions}`);
    const opened = database;
    return {
      registry,
      async close() {
        await registry.close();
        await opened.close();
      },
    };
  } catch (error) {
    await database?.close().catch(() => {});
    const lastGood = readLastGood(settings.lastGoodPath);
    const fallback = lastGood === undefined ? options.committedSupergraphPath : settings.lastGoodPath;
    serviceLogger('gateway').error(`The schema registry is unavailable (${(error as Error).message}); serving ${fallback} without the registry.`);
    return { supergraphSdl: lastGood ?? readFileSync(options.committedSupergraphPath, 'utf8'), close: async () => {} };
  }
}
