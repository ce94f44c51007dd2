import { migrateSubgraph, openDatabase } from '@vo/kit';
import postgres from 'postgres';
import { SUBGRAPHS, loadDefinition } from '../../services.js';

/** The server URL with another database name in its path. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` on a connection to the server's database of `serverUrl`, after checking `name` is ours to touch. */
async function onServer(serverUrl: string, name: string, work: (admin: postgres.Sql) => Promise<unknown>): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === new URL(serverUrl).pathname.slice(1) || name === 'postgres') {
    throw new Error(`Refusing database name "${name}" for the scale dataset.`);
  }
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Creates the database on the server unless it is there; `fresh` drops it first. */
export async function createDatabase(serverUrl: string, name: string, fresh: boolean): Promise<void> {
  await onServer(serverUrl, name, async (admin) => {
    if (fresh) await admin.unsafe(`drop database if exists ${name} with (force)`);
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database ${name}`);
  });
}

export const dropDatabase = (serverUrl: string, name: string) =>
  onServer(serverUrl, name, (admin) => admin.unsafe(`drop database if exists ${name} with (force)`));

/** Every subgraph's committed migrations, then its own seed (the real reference data and the seeded synthetic rows). */
export async function migrateAndSeed(url: string, log: (line: string) => void): Promise<void> {
  for (const { name } of SUBGRAPHS) {
    const definition = await loadDefinition(name);
    const handle = await openDatabase({ url, poolSize: 2 });
    try {
      await migrateSubgraph(handle, name, definition.migrationsFolder);
      if (!(await definition.isSeeded(handle.db))) {
        log(`  seeding ${name}`);
        await definition.seed(handle.db);
      }
    } finally {
      await handle.close();
    }
  }
}
