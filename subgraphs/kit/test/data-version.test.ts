// The data version of a subgraph: change triggers installed by the migrator, the listener that counts committed
// writes of its own schema, and GET /data-version streaming the count. Real database (PGlite or the server), real HTTP.
import { sql } from 'drizzle-orm';
import express from 'express';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataVersion } from '../src/data-version.js';
import type { DatabaseHandle } from '../src/db.js';
import { migrationsApplied } from '../src/health.js';
import { rowsOf } from '../src/import/stage.js';
import { migrateSubgraph } from '../src/migrate.js';
import { closeServer, listen } from '../src/server.js';
import { openTestDatabase } from '../src/testing.js';

const SCHEMA = 'version_test';
const migrations = mkdtempSync(join(tmpdir(), 'vo-data-version-'));
const entries: object[] = [];

/** Adds a drizzle-kit migration to the test folder, as a later release of a subgraph would. */
function addMigration(tag: string, statements: string[]) {
  mkdirSync(join(migrations, 'meta'), { recursive: true });
  entries.push({ idx: entries.length, version: '7', when: 1_700_000_000_000 + entries.length, tag, breakpoints: true });
  writeFileSync(join(migrations, 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  writeFileSync(join(migrations, `${tag}.sql`), statements.join('\n--> statement-breakpoint\n'));
}

/** The tables of the schema and how many change triggers each has. */
async function triggers(database: DatabaseHandle) {
  const result = await database.db.execute(sql`select c.relname as table, count(t.tgname)::int as triggers
    from pg_class c join pg_namespace n on n.oid = c.relnamespace left join pg_trigger t on t.tgrelid = c.oid and t.tgname = 'vo_data_changed'
    where n.nspname = ${SCHEMA} and c.relkind = 'r' group by c.relname order by c.relname`);
  return rowsOf<{ table: string; triggers: number }>(result);
}

/** Reads GET /data-version as it arrives: every event's version, and whether the stream has ended. */
async function follow(url: string) {
  const response = await fetch(url);
  const stream = { contentType: response.headers.get('content-type'), versions: [] as number[], ended: false };
  void (async () => {
    const decoder = new TextDecoder();
    let text = '';
    const reader = response.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      text += decoder.decode(read.value, { stream: true });
      for (const match of text.matchAll(/^data: (\d+)$/gm)) stream.versions.push(Number(match[1]));
      text = text.slice(text.lastIndexOf('\n') + 1);
    }
    stream.ended = true;
  })();
  return stream;
}

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  addMigration('0000_init', [`create schema ${SCHEMA}`, `create table ${SCHEMA}.payment (id int primary key, amount int)`]);
  await migrateSubgraph(database, SCHEMA, migrations);
  await database.db.execute(sql.raw(`create schema other_partner`));
  await database.db.execute(sql.raw(`create table other_partner.note (id int)`));
});
afterAll(() => database?.close());

describe('change triggers', () => {
  it('are installed on every table by the migrator, once each however often it runs, and on tables later migrations add', async () => {
    expect(await triggers(database)).toEqual([{ table: 'payment', triggers: 1 }]);
    await migrateSubgraph(database, SCHEMA, migrations);
    addMigration('0001_audit', [`create table ${SCHEMA}.audit_entry (id serial primary key, what text)`]);
    await migrateSubgraph(database, SCHEMA, migrations);
    expect(await triggers(database)).toEqual([{ table: 'audit_entry', triggers: 1 }, { table: 'payment', triggers: 1 }]);
  });

  it('leave the readiness check of migrations passing', async () => {
    await expect(migrationsApplied(database, SCHEMA, migrations)()).resolves.toMatch(/^newest migration/);
  });
});

describe('the data version and its stream', () => {
  let version: DataVersion;
  let server: Server;
  let url: string;
  let hookCalls = 0;
  beforeAll(async () => {
    version = new DataVersion(SCHEMA);
    await version.start(database);
    version.onDataChange(() => (hookCalls += 1));
    const app = express();
    app.get('/data-version', version.route());
    ({ server, url } = await listen(app, 0));
  });
  afterAll(async () => {
    await version.stop();
    await closeServer(server);
  });

  /** Waits until the listener has counted `expected` changes in all; the stream's last event then carries it. */
  const settle = async (stream: { versions: number[] }, expected: number) => {
    await expect.poll(() => version.version).toBe(expected);
    await expect.poll(() => stream.versions.at(-1)).toBe(expected);
  };

  it('sends the current version on connect', async () => {
    const stream = await follow(`${url}/data-version`);
    expect(stream.contentType).toBe('text/event-stream');
    await expect.poll(() => stream.versions).toEqual([version.version]);
  });

  it('counts each committed write of the schema by any statement, and nothing rolled back or in another schema', async () => {
    const stream = await follow(`${url}/data-version`);
    const start = version.version;
    const hooksBefore = hookCalls;
    await database.db.execute(sql.raw(`insert into ${SCHEMA}.payment values (1, 10)`));
    await settle(stream, start + 1);
    // Two tables in one transaction: Postgres folds the equal notifications into one.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`update ${SCHEMA}.payment set amount = 11`));
      await tx.execute(sql.raw(`insert into ${SCHEMA}.audit_entry (what) values ('raise')`));
    });
    await settle(stream, start + 2);
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql.raw(`delete from ${SCHEMA}.payment`));
        throw new Error('roll back');
      })
      .catch(() => {});
    await database.db.execute(sql.raw(`insert into other_partner.note values (1)`));
    await database.db.execute(sql.raw(`truncate ${SCHEMA}.audit_entry`));
    // Notifications arrive in commit order: once the truncate is counted, the rollback and the other schema were not.
    await settle(stream, start + 3);
    // Subgraph code heard of each of the three, as the stream did.
    expect(hookCalls - hooksBefore).toBe(3);
  });

  it('coalesces a burst, but its last event always carries the final count', async () => {
    const stream = await follow(`${url}/data-version`);
    const start = version.version;
    for (let id = 100; id < 120; id++) await database.db.execute(sql.raw(`insert into ${SCHEMA}.payment values (${id}, 1)`));
    await settle(stream, start + 20);
    expect(stream.versions.length).toBeLessThanOrEqual(1 + 20);
  });

  it('counts every (re)connect of its listener: once on PGlite, where it cannot drop, and again after a server cuts it', async () => {
    const stream = await follow(`${url}/data-version`);
    const start = version.version;
    if (database.kind === 'pglite') {
      // Only the write moves it: no reconnect was counted in between.
      await database.db.execute(sql.raw(`insert into ${SCHEMA}.payment values (200, 1)`));
      await settle(stream, start + 1);
      return;
    }
    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen %' and datname = current_database()`);
    await settle(stream, start + 1);
  });

  it('ends every stream when it stops, so a draining server is not held open, and refuses new ones', async () => {
    const stream = await follow(`${url}/data-version`);
    await expect.poll(() => stream.versions.length).toBe(1);
    await version.stop();
    await expect.poll(() => stream.ended).toBe(true);
    expect((await fetch(`${url}/data-version`)).status).toBe(503);
  });
});
