// bench/results/gateways.md, from gateways.json and (for the memory target) the latest soak.json: the tables per
// workload and the issue's targets as a checklist with the measured figure.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GatewaysResult } from './gateways.js';
import type { Cell } from './load.js';
import { machineLine } from './machine.js';
import { soakVerdict, type SoakResult } from './soak-report.js';

export const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));
const TREND_SCANS = 1_000_000;

const find = (cells: Cell[], workload: string, target: string, mode: Cell['mode']) =>
  cells.find((c) => c.workload === workload && c.target === target && c.mode === mode);
const mark = (met: boolean) => (met ? '[x]' : '[ ]');
const verdict = (met: boolean) => (met ? '**met**' : '**not met**');
const CELL_MODE = 'fixed concurrency';
const CELL_CONNECTIONS = (result: GatewaysResult) => result.settings.connections;

function cellTable(result: GatewaysResult, workload: string): string {
  const rows = result.cells
    .filter((c) => c.workload === workload)
    .map((c) => {
      const load = c.mode === 'concurrency' ? `${c.load} connections` : `${c.load} req/s offered`;
      const sql = c.target === 'bare' || c.sqlPerRequest === null ? '-' : c.sqlPerRequest;
      const figure = (n: number | null) => (n === null ? '-' : n);
      return `| ${c.target} | ${load} | ${c.requestsPerSecond.toLocaleString('en')} | ${figure(c.p50Ms)} | ${figure(c.p99Ms)} | ${figure(c.cpuMsPerRequest)} | ${c.peakRssMB} | ${sql} | ${c.failures} |`;
    });
  return `| target | load | req/s | p50 (ms) | p99 (ms) | CPU ms/req | peak RSS (MB) | SQL/req | failed |
|---|---|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}`;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/**
 * The cached dashboard against the bare ceiling: judged by the median of the back-to-back pairs when the run has
 * them (the ceiling moves with the machine's state), else by the table's cells.
 */
export function ceilingLine(result: Pick<GatewaysResult, 'cells' | 'ceiling' | 'hubResponseCache'>): string {
  const dashboard = find(result.cells, 'dashboard', 'hub', 'concurrency');
  const bare = find(result.cells, 'dashboard', 'bare', 'concurrency');
  const cellShare = dashboard && bare ? dashboard.requestsPerSecond / bare.requestsPerSecond : 0;
  const cells = `${dashboard?.requestsPerSecond} vs ${bare?.requestsPerSecond} req/s, ${percent(cellShare)}`;
  const pairs = result.ceiling?.pairs ?? [];
  const title = 'Cached dashboard queries at 50% or more of the bare node:http ceiling';
  if (!result.hubResponseCache || pairs.length === 0) {
    const met = result.hubResponseCache && cellShare >= 0.5;
    return `- ${mark(met)} ${title}: ${cells}${result.hubResponseCache ? '' : ' (the hub had no response cache in this run)'}. ${verdict(met)}`;
  }
  const shares = pairs.map((p) => p.hub / p.bare);
  const share = median(shares);
  const bares = pairs.map((p) => p.bare);
  const each = pairs.map((p, i) => `${p.hub.toLocaleString('en')} vs ${p.bare.toLocaleString('en')} (${percent(shares[i]!)})`).join(', ');
  return (
    `- ${mark(share >= 0.5)} ${title}: median ${percent(share)} over ${pairs.length} back-to-back pairs, hub vs bare in req/s: ${each}; ` +
    `bare ranged ${Math.min(...bares).toLocaleString('en')} to ${Math.max(...bares).toLocaleString('en')} req/s. In the table's cells: ${cells}. ${verdict(share >= 0.5)}`
  );
}

function checklist(result: GatewaysResult, soak: SoakResult | undefined): string {
  const { cells } = result;
  const lines: string[] = [];
  const against = (hub: string) => {
    const per = result.workloads.map((w) => ({ w: w.name, hub: find(cells, w.name, hub, 'concurrency'), hive: find(cells, w.name, 'hive', 'concurrency') }));
    const met = per.every((p) => p.hub && p.hive && p.hub.requestsPerSecond >= p.hive.requestsPerSecond);
    const ratio = (a?: Cell, b?: Cell) => (a && b && b.requestsPerSecond > 0 ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}x` : 'no ratio');
    const figures = per.map((p) => `${p.w} ${p.hub?.requestsPerSecond} vs ${p.hive?.requestsPerSecond} req/s (${ratio(p.hub, p.hive)})`).join('; ');
    return { met, figures };
  };
  const main = against('hub');
  lines.push(`- ${mark(main.met)} The hub at or above Hive Gateway's requests per second on every workload, same run (${CELL_MODE}): ${main.figures}. ${verdict(main.met)}`);
  if (result.hubResponseCache) {
    const uncached = against('hub-uncached');
    lines.push(`  - with the hub's response cache off (RESPONSE_CACHE_MB=0, the same work as Hive): ${uncached.figures}: ${uncached.met ? 'at or above Hive on every workload' : 'not at or above Hive on every workload'}.`);
  }
  const trend = find(cells, 'trends', 'hub', 'rate');
  const atScale = result.machine.dataset.size.scans >= TREND_SCANS;
  const trendMet = atScale && trend?.p50Ms != null && trend.p50Ms < 100;
  lines.push(
    `- ${mark(trendMet)} The national trend table at p50 under 100 ms through the gateway at the 1,000,000-scan scale: p50 ${trend?.p50Ms} ms at ${trend?.load} req/s ` +
      `(${find(cells, 'trends', 'hub', 'concurrency')?.p50Ms} ms at ${CELL_CONNECTIONS(result)} connections), with ${result.machine.dataset.size.scans.toLocaleString('en')} scans. ` +
      (atScale ? verdict(trendMet) : '**not measured at that scale** (this run used the normal seed).'),
  );
  lines.push(ceilingLine(result));
  lines.push(soak ? `- ${mark(soak.memory.flat)} Memory flat over the soak: ${soakVerdict(soak)}. ${verdict(soak.memory.flat)}` : '- [ ] Memory flat over the soak: no soak has been run (`npm run bench -- soak`).');
  return lines.join('\n');
}

export function gatewaysMarkdown(result: GatewaysResult, soak: SoakResult | undefined): string {
  const { settings } = result;
  const sameBytes = result.answers.filter((a) => a.bytesEqual).map((a) => `${a.workload}/${a.target}`);
  return `# Benchmark: the hub's gateway beside Hive Gateway

${machineLine(result.machine)}

Every target served the same three operations over the same five subgraph processes, one after another in one run,
on loopback, driven by autocannon: ${settings.secondsPerCell} s per cell after ${settings.warmupSeconds} s of warm-up, first at a fixed
concurrency of ${settings.connections} connections, then at a fixed arrival rate of ${settings.rateShare * 100}% of the slowest gateway's
throughput at that concurrency (below saturation, so latency is service time, not queueing; autocannon corrects for
coordinated omission). CPU is the target process's user + system time from /proc/<pid>/stat over the cell, divided by
its requests; peak RSS is sampled every 250 ms; SQL/req is the change in the subgraphs' vo_db_statements_total over
the cell, divided by its requests; failed counts transport errors, timeouts, non-2xx answers and subgraph answers
with errors during the cell. The load generator shares the machine's ${result.machine.cores} cores with the targets and the subgraphs.${
    result.ceiling
      ? `\nAfter the cells, bare and the cached hub ran the ${result.ceiling.workload} workload in ${result.ceiling.pairs.length} more pairs, back to back at ${settings.connections}
connections: the bare ceiling moves with the machine's state, so the 50% target is judged by the pairs' median.`
      : ''
  }

## Targets

${result.targets.map((t) => `- **${t.name}**: ${t.about}`).join('\n')}

Before timing, each target's answer to each workload was compared with the hub gateway's: all equal as JSON
(byte for byte: ${sameBytes.length === result.answers.length ? 'all' : sameBytes.join(', ') || 'none'}).

## Workloads

| workload | operation | subgraph calls (the hub's plan, stage by stage) | answer (bytes) |
|---|---|---|---:|
${result.workloads.map((w) => `| ${w.name} | ${w.about} | ${w.plan} | ${w.answerBytes.toLocaleString('en')} |`).join('\n')}

${result.workloads.map((w) => `### ${w.name}\n\n${cellTable(result, w.name)}`).join('\n\n')}

## The issue's targets

${checklist(result, soak)}
`;
}

/** Writes gateways.md from the saved results (none yet: nothing); run again after a soak so the memory target has its figure. */
export function writeGatewaysMarkdown() {
  if (!existsSync(`${RESULTS}gateways.json`)) return '';
  const result = JSON.parse(readFileSync(`${RESULTS}gateways.json`, 'utf8')) as GatewaysResult;
  const soakPath = `${RESULTS}soak.json`;
  const saved = existsSync(soakPath) ? (JSON.parse(readFileSync(soakPath, 'utf8')) as SoakResult) : undefined;
  // A soak saved before the RSS peaks' interval was measured has no verdict this report can give.
  const soak = saved?.memory.rssSlopeInterval ? saved : undefined;
  const markdown = gatewaysMarkdown(result, soak);
  writeFileSync(`${RESULTS}gateways.md`, markdown);
  return markdown;
}
