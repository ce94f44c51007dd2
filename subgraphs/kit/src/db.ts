import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { mkdirSync } from 'node:fs';
import postgres from 'postgres';

/** The drizzle database every query module takes; PGlite and postgres.js both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** Counts the SQL statements a database handle runs: the N+1 tests read it. */
export class StatementCounter implements Logger {
  count = 0;
  logQuery(): void {
    this.count += 1;
  }
}

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  statements: StatementCounter;
  /** Runs `work` holding a session-level advisory lock, so concurrent migrators wait their turn. */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel`: `onNotify` gets each payload, `onListen` runs on every (re)connect of the listener, after
   * which notifications sent while it was away are lost. Resolves with the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server URL; without it an embedded PGlite database is used. */
  url?: string;
  /** Folder for the embedded database; without it the database lives in memory (tests). */
  dataDir?: string;
  /** Connection pool size on a server. */
  poolSize?: number;
}

/** The one connection factory: PGlite when no URL is given, postgres.js otherwise. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const statements = new StatementCounter();
  if (options.url) return openServer(options.url, options.poolSize ?? 10, statements);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir);
  const db = drizzlePglite({ client, logger: statements }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    statements,
    // One PGlite database belongs to one process, which runs one migrator: no lock needed.
    withLock: (_key, work) => work(),
    // One in-process database: its listener never disconnects.
    async listen(channel, onNotify, onListen) {
      const unlisten = await client.listen(channel, onNotify);
      onListen();
      return unlisten;
    },
    close: () => client.close(),
  };
}

function openServer(url: string, poolSize: number, statements: StatementCounter): DatabaseHandle {
  const client = postgres(url, { max: poolSize, onnotice: () => {} });
  const db = drizzlePostgres({ client, logger: statements }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    statements,
    async withLock(key, work) {
      const reserved = await client.reserve();
      try {
        await reserved`select pg_advisory_lock(hashtext(${key}))`;
        return await work();
      } finally {
        await reserved`select pg_advisory_unlock(hashtext(${key}))`;
        reserved.release();
      }
    },
    // postgres.js keeps one dedicated connection for LISTEN, reconnects it by itself and calls `onListen` each time.
    async listen(channel, onNotify, onListen) {
      const { unlisten } = await client.listen(channel, onNotify, onListen);
      return async () => {
        await unlisten();
      };
    },
    close: () => client.end({ timeout: 5 }),
  };
}
