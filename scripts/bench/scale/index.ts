/**
 * The scale dataset of the benchmark, generated on a PostgreSQL server, reproducibly (issue 8).
 *
 *   const dataset = await ensureScaleDataset({ url: 'postgres://postgres@127.0.0.1:5432/postgres' });
 *   // dataset.url is the bench database's URL: start the subgraphs with DATABASE_URL=dataset.url, SEED_ON_START=false.
 *
 * It makes a database of its own on that server (`vo_bench` unless told; never the `postgres` database the tests
 * use), runs every subgraph's migrations and seed (the real reference data: regions, municipalities, PVOs, sites),
 * then adds synthetic rows in SQL until the tables hold SCALE: 100,000 certifications, 100,000 grants and
 * 1,000,000 cyber scans (the seed's 6,027 sites are the sites). Every value is drawn from the md5 of the seed and
 * the row's number, so two generations give identical tables; a checksum of every table proves it and is kept
 * in bench.dataset with the generator version and seed. A database already holding this version and seed is
 * reused as it is (`regenerate` forces a fresh one). Every generated row is marked synthetic, as the seeds do.
 *
 * `npm run bench -- scale [--regenerate] [--verify] [--database vo_bench]`: the same from the command line;
 * `--verify` generates a second copy beside it and compares every table's checksum.
 */
import { SYNTHETIC_SEED, databaseEnv, parseEnv } from '@vo/kit';
import { parseArgs } from 'node:util';
import postgres, { type Sql } from 'postgres';
import { z } from 'zod';
import { generateCertifications } from './certifications.js';
import { tableChecksums, type TableChecksum } from './checksum.js';
import { createDatabase, databaseUrl, dropDatabase, migrateAndSeed } from './database.js';
import { installBuckets, installDraws } from './draws.js';
import { generateGrants } from './grants.js';
import { generateScans } from './scans.js';

/** Raise it whenever a generator changes what it writes: a database of another version is generated afresh. */
export const GENERATOR_VERSION = 1;
/** The row counts the scale dataset reaches, seeded rows included. */
export const SCALE = { certifications: 100_000, grants: 100_000, scans: 1_000_000 } as const;
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_DATABASE = 'vo_bench';

export interface ScaleOptions {
  /** Any database URL on the server; the dataset goes into `database` beside it. */
  url: string;
  database?: string;
  seed?: number;
  /** Drop the database and generate it again even when it holds this version and seed. */
  regenerate?: boolean;
  log?: (line: string) => void;
}

export interface ScaleDataset {
  /** The bench database's URL, for DATABASE_URL. */
  url: string;
  database: string;
  version: number;
  seed: number;
  /** False when an existing dataset of this version and seed was reused. */
  generated: boolean;
  /** How long generation took (when reused: how long it took back then). */
  seconds: number;
  counts: { sites: number; certifications: number; grants: number; scans: number };
  checksums: Record<string, TableChecksum>;
}

const MARKER = `create table if not exists bench.dataset (
  version int not null, seed int not null, generated_at timestamptz not null, seconds numeric not null,
  counts jsonb not null, checksums jsonb not null, primary key (version, seed))`;

async function existing(sql: Sql, seed: number): Promise<Omit<ScaleDataset, 'url' | 'database' | 'generated'> | null> {
  const [table] = await sql`select to_regclass('bench.dataset') as name`;
  if (!table.name) return null;
  const [row] = await sql`select version, seed, seconds::float8 as seconds, counts, checksums from bench.dataset where version = ${GENERATOR_VERSION} and seed = ${seed}`;
  return row ? { version: row.version, seed: row.seed, seconds: row.seconds, counts: row.counts, checksums: row.checksums } : null;
}

const countOf = async (sql: Sql, table: string) => (await sql.unsafe(`select count(*)::int as n from ${table}`))[0].n as number;

async function generate(sql: Sql, seed: number, log: (line: string) => void) {
  await installDraws(sql);
  await installBuckets(sql);
  const steps = [
    { table: 'kvo.certification', target: SCALE.certifications, run: (n: number) => generateCertifications(sql, seed, n) },
    { table: 'funding.grant', target: SCALE.grants, run: (n: number) => generateGrants(sql, seed, n) },
    { table: 'cyber.scan', target: SCALE.scans, run: (n: number) => generateScans(sql, seed, n) },
  ];
  for (const step of steps) {
    const started = performance.now();
    const added = await step.run(step.target - (await countOf(sql, step.table)));
    log(`  ${step.table}: ${added.toLocaleString('en')} synthetic rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  // Fresh statistics and visibility maps, so the planner and index-only scans see the data as a running hub would.
  await sql.unsafe('vacuum analyze');
}

/**
 * Makes sure the server holds the scale dataset (generating it when missing or stale) and describes it. Callers for
 * the same database take turns on an advisory lock: a second one waits and then reuses, instead of dropping the
 * database under the first.
 */
export async function ensureScaleDataset(options: ScaleOptions): Promise<ScaleDataset> {
  const { database = DEFAULT_DATABASE } = options;
  const lock = postgres(options.url, { max: 1, onnotice: () => {} });
  const reserved = await lock.reserve();
  try {
    await reserved`select pg_advisory_lock(hashtext(${`vo-bench-scale:${database}`}))`;
    return await ensureLocked({ ...options, database });
  } finally {
    reserved.release();
    await lock.end({ timeout: 5 });
  }
}

async function ensureLocked(options: ScaleOptions & { database: string }): Promise<ScaleDataset> {
  const { database, seed = SYNTHETIC_SEED, log = (line: string) => console.error(line) } = options;
  const url = databaseUrl(options.url, database);
  await createDatabase(options.url, database, options.regenerate ?? false);
  let sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const found = options.regenerate ? null : await existing(sql, seed);
    if (found) {
      log(`Scale dataset v${found.version} (seed ${found.seed}) already in ${database}: reused.`);
      return { url, database, generated: false, ...found };
    }
    // Anything else in the database (another version, a broken run) is dropped: generation starts from empty.
    await sql.end({ timeout: 5 });
    await createDatabase(options.url, database, true);
    sql = postgres(url, { max: 1, onnotice: () => {} });
    log(`Generating scale dataset v${GENERATOR_VERSION} (seed ${seed}) in ${database}...`);
    const started = performance.now();
    await migrateAndSeed(url, log);
    await generate(sql, seed, log);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const checksums = await tableChecksums(sql);
    const counts = {
      sites: checksums['regions.site'].rows,
      certifications: checksums['kvo.certification'].rows,
      grants: checksums['funding.grant'].rows,
      scans: checksums['cyber.scan'].rows,
    };
    await sql.unsafe(MARKER);
    await sql`insert into bench.dataset ${sql({ version: GENERATOR_VERSION, seed, generated_at: new Date(), seconds, counts: sql.json(counts), checksums: sql.json(checksums as any) })}`;
    log(`Generated in ${seconds} s: ${Object.entries(counts).map(([name, n]) => `${n.toLocaleString('en')} ${name}`).join(', ')}.`);
    return { url, database, version: GENERATOR_VERSION, seed, generated: true, seconds, counts, checksums };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Tables whose checksums differ between two datasets (an empty list: identical). */
export function differences(a: ScaleDataset, b: ScaleDataset): string[] {
  const names = new Set([...Object.keys(a.checksums), ...Object.keys(b.checksums)]);
  return [...names].filter((name) => a.checksums[name]?.md5 !== b.checksums[name]?.md5 || a.checksums[name]?.rows !== b.checksums[name]?.rows);
}

/** `npm run bench -- scale`: ensures the dataset and prints its counts and checksums; `--verify` proves reproducibility. */
export async function benchScale(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { regenerate: { type: 'boolean' }, verify: { type: 'boolean' }, database: { type: 'string' } } });
  const { DATABASE_URL = DEFAULT_SERVER_URL } = parseEnv(z.object({ DATABASE_URL: databaseEnv.DATABASE_URL }));
  const dataset = await ensureScaleDataset({ url: DATABASE_URL, database: values.database, regenerate: values.regenerate });
  for (const [name, { rows, md5 }] of Object.entries(dataset.checksums)) console.log(`${name.padEnd(28)} ${String(rows).padStart(9)}  ${md5}`);
  if (!values.verify) return;
  const copy = `${dataset.database}_verify`;
  const second = await ensureScaleDataset({ url: DATABASE_URL, database: copy, seed: dataset.seed, regenerate: true });
  await dropDatabase(DATABASE_URL, copy);
  const differing = differences(dataset, second);
  console.log(differing.length === 0
    ? `Verified: a second generation (${second.seconds} s) gave identical checksums for all ${Object.keys(second.checksums).length} tables.`
    : `NOT reproducible: ${differing.join(', ')} differ between two generations.`);
  if (differing.length > 0) process.exitCode = 1;
}
