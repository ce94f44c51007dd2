import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));
const SIZES = [100_000, 1_000_000];

interface Run {
  rows: number;
  fileMB: number;
  seconds: number;
  rowsPerSecond: number;
  rssBeforeMB: number;
  peakRssMB: number;
  heapBeforeMB: number;
  peakHeapMB: number;
  status: string;
  created: number;
  problemCount: number;
  firstProblem: unknown;
}

/** One size in a fresh process, so each run's peak memory is its own. */
function runSize(rows: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const args = ['--import', 'tsx', 'scripts/bench/import-run.ts', String(rows)];
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`The ${rows}-row run failed:\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Run);
    });
  });
}

function markdown(runs: Run[], ratio: { rows: number; peakRss: number; peakHeap: number }, at: string): string {
  const row = (r: Run) =>
    `| ${r.rows.toLocaleString('en')} | ${r.fileMB} | ${r.seconds} | ${r.rowsPerSecond.toLocaleString('en')} | ${r.peakRssMB} | ${r.peakHeapMB} | ${r.status} (${r.created.toLocaleString('en')} created) |`;
  return `# Benchmark: bulk import of KVO certificates

Run ${at} on ${cpus().length} CPUs (${Math.round(totalmem() / 2 ** 30)} GB), PostgreSQL server (DATABASE_URL), a throwaway
database per run, each run in a fresh Node process. The files are **synthetic** (seeded, scripts/bench/kvo-file.ts):
Dutch header, \`;\`, dd-mm-jjjj dates, two renewals per first certification.

| rows | file (MB) | seconds | rows/s | peak RSS (MB) | peak heap (MB) | result |
|---:|---:|---:|---:|---:|---:|---|
${runs.map(row).join('\n')}

Ten times the rows took ${ratio.peakRss}x the peak RSS and ${ratio.peakHeap}x the peak heap: memory does not grow with the
file (rows stream in batches of 2,000 into a staging table; duplicates and references are found in SQL).
`;
}

/** `npm run bench -- import`: 100,000 and 1,000,000 rows in the same run; Markdown and JSON in bench/results/. */
export async function benchImport(_args: string[]) {
  const runs: Run[] = [];
  for (const rows of SIZES) {
    console.error(`Importing ${rows.toLocaleString('en')} synthetic rows...`);
    const run = await runSize(rows);
    console.error(`  ${run.seconds} s, ${run.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${run.peakRssMB} MB, peak heap ${run.peakHeapMB} MB, ${run.status}`);
    runs.push(run);
  }
  const [small, large] = runs as [Run, Run];
  const round = (n: number) => Math.round(n * 100) / 100;
  const ratio = { rows: large.rows / small.rows, peakRss: round(large.peakRssMB / small.peakRssMB), peakHeap: round(large.peakHeapMB / small.peakHeapMB) };
  const at = new Date().toISOString();
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(`${RESULTS}import.json`, `${JSON.stringify({ workload: 'import', at, synthetic: true, runs, ratio }, null, 2)}\n`);
  writeFileSync(`${RESULTS}import.md`, markdown(runs, ratio, at));
  console.log(markdown(runs, ratio, at));
  if (runs.some((run) => run.status !== 'imported')) process.exitCode = 1;
}
