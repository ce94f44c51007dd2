// One import benchmark run in a process of its own (so its memory is its own): `node --import tsx
// scripts/bench/import-run.ts <rows>` prints one JSON line. Started by scripts/bench/import.ts.
import { databaseEnv, migrateSubgraph, openDatabase, parseEnv } from '@vo/kit';
import { runImport } from '@vo/kit/import';
import { randomBytes } from 'node:crypto';
import { createReadStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { z } from 'zod';
import { certificationImport } from '../../subgraphs/kvo/src/import/certifications.js';
import { writeSyntheticKvoFile } from './kvo-file.js';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(process.argv[2]);
const { DATABASE_URL = DEFAULT_URL } = parseEnv(z.object({ DATABASE_URL: databaseEnv.DATABASE_URL }));
const MIGRATIONS = fileURLToPath(new URL('../../subgraphs/kvo/migrations', import.meta.url));

/** Samples the process's memory every 50 ms; the peak is what the import needed at most. */
function sampleMemory() {
  const peak = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peak.rss = Math.max(peak.rss, usage.rss);
    peak.heapUsed = Math.max(peak.heapUsed, usage.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return { peak, stop: () => (clearInterval(timer), sample()) };
}

const name = `vo_bench_${randomBytes(5).toString('hex')}`;
const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(DATABASE_URL);
url.pathname = `/${name}`;
const file = join(tmpdir(), `synthetic-kvo-${rows}-${name}.csv`);
try {
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  await migrateSubgraph(database, 'kvo', MIGRATIONS);
  await writeSyntheticKvoFile(file, rows);
  global.gc?.();
  const before = process.memoryUsage();
  const memory = sampleMemory();
  const started = performance.now();
  const viewer = { authenticated: true, subject: 'bench-importer', organisation: 'ccv', scopes: new Set(['kvo:write']) };
  const report = await runImport({ db: database.db, spec: certificationImport, viewer, fileName: `synthetic-kvo-${rows}.csv`, source: createReadStream(file) });
  const seconds = (performance.now() - started) / 1000;
  memory.stop();
  await database.close();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  console.log(JSON.stringify({
    rows, fileMB: mb(statSync(file).size), seconds: Math.round(seconds * 10) / 10, rowsPerSecond: Math.round(rows / seconds),
    rssBeforeMB: mb(before.rss), peakRssMB: mb(memory.peak.rss), heapBeforeMB: mb(before.heapUsed), peakHeapMB: mb(memory.peak.heapUsed),
    status: report.status, created: report.created, problemCount: report.problemCount, firstProblem: report.problems[0] ?? null,
  }));
} finally {
  rmSync(file, { force: true });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
