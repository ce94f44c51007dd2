// The soak's report: bench/results/soak.md from the result soak.ts measured (soak.json holds every sample).
import type { Machine } from './machine.js';
import { machineLine } from './machine.js';
import { MIN_FLOORS, RSS_WINDOW_SECONDS, type FLAT, type MemorySample, type MemoryTrend } from './soak-memory.js';

export interface SoakResult {
  workload: 'soak';
  machine: Machine;
  minutes: number;
  warmupMinutes: number;
  operations: { name: string; requests: number; failures: number; p50Ms: number; p99Ms: number }[];
  writes: { grantId: string; everySeconds: number; corrections: number; failures: number };
  sqlStatements: number;
  /** Subgraph answers with errors during the soak. */
  subgraphErrors: number;
  memory: MemoryTrend & { peakRssMB: number; flatThresholds: typeof FLAT };
  samples: MemorySample[];
}

const round = (n: number) => Math.round(n * 100) / 100;
const range = ([low, high]: [number, number]) => `${round(low)} to ${round(high)}`;
const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** One line for the gateway report's checklist. */
export const soakVerdict = (soak: SoakResult) =>
  `RSS peaks less the response cache ${round(soak.memory.rssSlopeMBPerMinute)} MB/min (95%: ${range(soak.memory.rssSlopeInterval)}), heap floor ${round(soak.memory.heapFloorSlopeMBPerMinute)} MB/min (95%: ${range(soak.memory.heapFloorSlopeInterval)}), over ${soak.minutes - soak.warmupMinutes} min of mixed load (soak of ${soak.machine.at})`;

export function soakMarkdown(soak: SoakResult): string {
  const total = soak.operations.reduce((sum, op) => sum + op.requests, 0);
  const m = soak.memory;
  const first = soak.samples.find((s) => s.second >= soak.warmupMinutes * 60);
  const last = soak.samples.at(-1);
  // A sampled series after the warm-up, at the end and at its highest (a soak.json from before a series was sampled: -).
  const sampled = (label: string, key: Exclude<keyof MemorySample, 'second'>, rest = ' | ') =>
    `| ${label} | ${first?.[key] ?? '-'} | ${last?.[key] ?? '-'} | ${Math.max(...soak.samples.map((s) => s[key] ?? -Infinity))} | ${rest} |`;
  const noGrowth = `no growth: the interval reaches 0 and ends under ${m.flatThresholds.upperMBPerMinute}`;
  return `# Benchmark: soak of the hub's gateway

${machineLine(soak.machine)}

${minutes(soak.minutes)} of mixed load on the hub's gateway (as \`npm start\` runs it, with its defaults), one connection per
operation, all at once: the three workloads of the gateway comparison and four other operations of schema/operations/.
Meanwhile grant ${soak.writes.grantId} was corrected through the gateway every ${soak.writes.everySeconds} s with a
funding:write token (its amount one cent up and back), so funding figures and any cache over them changed for real:
${soak.writes.corrections} corrections, ${soak.writes.failures} failed. The gateway's RSS (/proc) and, from its /metrics,
its heap used and reserved, the heap that survived its last major collection, its memory outside the heap (Buffers)
and its response cache's size were sampled every second. Heap used is a sawtooth between major collections, so its trend is fitted through the floors: the heap after
each major collection (${m.floors.length} after the warm-up; at least ${MIN_FLOORS} are needed for a verdict). RSS rises and falls with
that sawtooth and with the pages V8 hands back, so its trend is fitted through its peaks, the highest RSS of each
${RSS_WINDOW_SECONDS} s window (${m.rssPeaks.length}). The cache grows by design up to its bound, so it is left out of RSS (its answers are
Buffers, outside the heap). The slopes are
least-squares fits over the run after a ${minutes(soak.warmupMinutes)} warm-up, each with its 95% interval (Student's t).

| operation | requests | failed | p50 (ms) | p99 (ms) |
|---|---:|---:|---:|---:|
${soak.operations.map((op) => `| ${op.name} | ${op.requests.toLocaleString('en')} | ${op.failures} | ${op.p50Ms} | ${op.p99Ms} |`).join('\n')}
| **all** | ${total.toLocaleString('en')} | ${soak.operations.reduce((s, op) => s + op.failures, 0)} | | |

SQL statements in the subgraphs: ${soak.sqlStatements.toLocaleString('en')} (${total ? (soak.sqlStatements / total).toFixed(2) : '-'} per request); subgraph answers with errors: ${soak.subgraphErrors}.

| memory | after warm-up | at the end | peak | slope (MB/min) | flat when |
|---|---:|---:|---:|---:|---:|
| RSS peak less the cache (MB) | ${m.rssPeaks[0] ? round(m.rssPeaks[0].rssMB) : '-'} | ${m.rssPeaks.at(-1) ? round(m.rssPeaks.at(-1)!.rssMB) : '-'} | ${m.peakRssMB} (with the cache) | ${round(m.rssSlopeMBPerMinute)} (95%: ${range(m.rssSlopeInterval)}) | ${noGrowth} |
| heap floor (MB) | ${m.floors[0] ? round(m.floors[0].heapMB) : '-'} | ${m.floors.at(-1) ? round(m.floors.at(-1)!.heapMB) : '-'} | | ${round(m.heapFloorSlopeMBPerMinute)} (95%: ${range(m.heapFloorSlopeInterval)}) | ${noGrowth} |
${sampled('heap used, every sample (MB)', 'heapMB', `${round(m.heapRawSlopeMBPerMinute)} | (sawtooth)`)}
${sampled('heap reserved by V8 (MB)', 'heapTotalMB')}
${sampled('outside the heap: Buffers (MB)', 'externalMB')}
${sampled('response cache (MB)', 'cacheMB')}

Memory over the soak: **${m.flat ? 'flat' : 'not flat'}** (flat: neither the RSS peaks nor the heap floors show growth, each slope's 95%
interval reaching 0 and ending under ${m.flatThresholds.upperMBPerMinute} MB/min). This soak rules out growth above ${round(m.rssSlopeInterval[1])} MB/min in RSS and
${round(m.heapFloorSlopeInterval[1])} MB/min in the heap floor, not a slow leak of a few MB an hour: that needs a longer run
(\`npm run bench -- soak --soak-minutes 60\`).
`;
}
