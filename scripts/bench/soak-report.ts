// The soak's report: bench/results/soak.md from the result soak.ts measured (soak.json holds every sample).
import type { Machine } from './machine.js';
import { machineLine } from './machine.js';

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
  memory: {
    rssSlopeMBPerMinute: number;
    heapSlopeMBPerMinute: number;
    rssFirstMB: number;
    rssLastMB: number;
    peakRssMB: number;
    flatThresholds: { rssMBPerMinute: number; heapMBPerMinute: number };
    flat: boolean;
  };
  samples: { second: number; rssMB: number; heapMB: number }[];
}

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

/** One line for the gateway report's checklist. */
export const soakVerdict = (soak: SoakResult) =>
  `RSS ${soak.memory.rssSlopeMBPerMinute} MB/min, heap ${soak.memory.heapSlopeMBPerMinute} MB/min over ${soak.minutes - soak.warmupMinutes} min of mixed load (soak of ${soak.machine.at})`;

export function soakMarkdown(soak: SoakResult): string {
  const total = soak.operations.reduce((sum, op) => sum + op.requests, 0);
  const m = soak.memory;
  return `# Benchmark: soak of the hub's gateway

${machineLine(soak.machine)}

${minutes(soak.minutes)} of mixed load on the hub's gateway (as \`npm start\` runs it, with its defaults), one connection per
operation, all at once: the three workloads of the gateway comparison and four other operations of schema/operations/.
Meanwhile grant ${soak.writes.grantId} was corrected through the gateway every ${soak.writes.everySeconds} s with a
funding:write token (its amount one cent up and back), so funding figures and any cache over them changed for real:
${soak.writes.corrections} corrections, ${soak.writes.failures} failed. The gateway's RSS (/proc) and heap (its /metrics,
nodejs_heap_size_used_bytes) were sampled every second; the slope is a least-squares fit over the run after a
${minutes(soak.warmupMinutes)} warm-up.

| operation | requests | failed | p50 (ms) | p99 (ms) |
|---|---:|---:|---:|---:|
${soak.operations.map((op) => `| ${op.name} | ${op.requests.toLocaleString('en')} | ${op.failures} | ${op.p50Ms} | ${op.p99Ms} |`).join('\n')}
| **all** | ${total.toLocaleString('en')} | ${soak.operations.reduce((s, op) => s + op.failures, 0)} | | |

SQL statements in the subgraphs: ${soak.sqlStatements.toLocaleString('en')} (${total ? (soak.sqlStatements / total).toFixed(2) : '-'} per request); subgraph answers with errors: ${soak.subgraphErrors}.

| memory | after warm-up | at the end | peak | slope (MB/min) | flat when under |
|---|---:|---:|---:|---:|---:|
| RSS (MB) | ${m.rssFirstMB} | ${m.rssLastMB} | ${m.peakRssMB} | ${m.rssSlopeMBPerMinute} | ${m.flatThresholds.rssMBPerMinute} |
| heap used (MB) | ${soak.samples.find((s) => s.second >= soak.warmupMinutes * 60)?.heapMB ?? '-'} | ${soak.samples.at(-1)?.heapMB ?? '-'} | ${Math.max(...soak.samples.map((s) => s.heapMB))} | ${m.heapSlopeMBPerMinute} | ${m.flatThresholds.heapMBPerMinute} |

Memory over the soak: **${m.flat ? 'flat' : 'not flat'}**. A soak of ${minutes(soak.minutes)} finds a leak of a few MB a minute, not a
slow one of a few MB an hour: that needs a longer run (\`npm run bench -- soak --soak-minutes 60\`).
`;
}
