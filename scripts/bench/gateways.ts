// `npm run bench -- gateways`: the hub's gateway beside Hive Gateway, "direct" and "bare" (stack/targets.ts) on
// the three workloads, each at a fixed concurrency and at a fixed arrival rate, in one run on loopback.
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureDataset } from './dataset.js';
import { type Cell, CONNECTIONS, measure } from './load.js';
import { currentLoadAverage, describeMachine, type Machine } from './machine.js';
import type { BenchOptions } from './options.js';
import { describePlan } from './stack/record.js';
import { runFolder, startSubgraphs, subgraphCounters, type SubgraphCounters } from './stack/hub.js';
import { checkAnswers, startTargets, type Target } from './stack/targets.js';
import { signTokens, WORKLOADS, type Role, type Workload } from './workloads.js';
import { RESULTS, writeGatewaysMarkdown } from './gateways-report.js';

/** The fixed arrival rate is this share of the slowest gateway's throughput at fixed concurrency: below saturation. */
export const RATE_SHARE = 0.5;
/**
 * The bare ceiling is noisy on a shared machine (10,010 and 17,250 req/s in two runs 23 minutes apart), so the cached
 * dashboard is also measured against it in pairs, bare then hub, back to back: each pair shares the machine's state.
 */
export const CEILING_ROUNDS = 3;
const CEILING_WORKLOAD = 'dashboard';

/** One round of the ceiling pairs: bare and the cached hub at fixed concurrency, back to back. */
export interface CeilingPair {
  bare: number;
  hub: number;
}

export interface GatewaysResult {
  workload: 'gateways';
  machine: Machine;
  settings: { connections: number; rateShare: number; secondsPerCell: number; warmupSeconds: number };
  hubResponseCache: boolean;
  targets: { name: string; about: string }[];
  workloads: { name: string; about: string; subgraphCalls: number; plan: string; answerBytes: number }[];
  answers: Awaited<ReturnType<typeof checkAnswers>>;
  cells: Cell[];
  /** The cached dashboard against the bare ceiling, in back-to-back pairs after the cells (requests per second). */
  ceiling?: { workload: string; pairs: CeilingPair[] };
}

const GATEWAYS = ['hub', 'hub-uncached', 'hive'];

type Counters = () => Promise<SubgraphCounters>;

/** Measures one cell of a workload against a target, and prints it. */
async function measureCell(workload: Workload, target: Target, token: string, options: BenchOptions, counters: Counters, mode: Cell['mode'], load: number) {
  const shot = { url: target.url(workload), headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: workload.body };
  const settings = { mode, load, seconds: options.duration, warmupSeconds: options.warmup };
  const result = await measure({ workload: workload.name, target: target.name }, shot, target.process.pid, settings, target.usesSubgraphs ? counters : async () => ({ sql: 0, errors: 0 }));
  console.error(`  ${workload.name.padEnd(14)} ${target.name.padEnd(12)} ${mode.padEnd(11)} ${String(result.requestsPerSecond).padStart(8)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  ${result.cpuMsPerRequest} CPU ms/req  ${result.failures} failed`);
  return result;
}

async function runWorkload(workload: Workload, targets: Target[], token: string, options: BenchOptions, counters: Counters) {
  const cells: Cell[] = [];
  const cell = async (target: Target, mode: Cell['mode'], load: number) => {
    cells.push(await measureCell(workload, target, token, options, counters, mode, load));
  };
  for (const target of targets) await cell(target, 'concurrency', CONNECTIONS);
  const slowest = Math.min(...cells.filter((c) => GATEWAYS.includes(c.target)).map((c) => c.requestsPerSecond));
  const rate = Math.max(1, Math.round(slowest * RATE_SHARE));
  for (const target of targets) await cell(target, 'rate', rate);
  return cells;
}

/** CEILING_ROUNDS pairs of bare then the cached hub on the dashboard, at fixed concurrency. */
async function ceilingPairs(targets: Target[], tokens: Record<Role, string>, options: BenchOptions, counters: Counters) {
  const named = <T extends { name: string }>(list: T[], name: string) => {
    const found = list.find((item) => item.name === name);
    if (!found) throw new Error(`The bare-ceiling pairs need "${name}", which this run does not have.`);
    return found;
  };
  const workload = named(WORKLOADS, CEILING_WORKLOAD);
  const [bare, hub] = [named(targets, 'bare'), named(targets, 'hub')];
  const measured = async (target: Target) => (await measureCell(workload, target, tokens[workload.role], options, counters, 'concurrency', CONNECTIONS)).requestsPerSecond;
  const pairs: CeilingPair[] = [];
  for (let round = 0; round < CEILING_ROUNDS; round++) pairs.push({ bare: await measured(bare), hub: await measured(hub) });
  return { workload: workload.name, pairs };
}

/** Runs the comparison and writes bench/results/gateways.{json,md}. */
export async function benchGateways(options: BenchOptions): Promise<GatewaysResult> {
  const loadAverage = currentLoadAverage();
  const dataset = await ensureDataset(options.quick);
  const logDir = runFolder();
  console.error(`Gateway comparison on the ${dataset.name} dataset (logs in ${logDir})...`);
  const subgraphs = await startSubgraphs(dataset.url, dataset.seedOnStart, logDir);
  const tokens: Record<Role, string> = await signTokens();
  const started = await startTargets(subgraphs, dataset.url, logDir, WORKLOADS, tokens).catch(async (error) => {
    await subgraphs.stop();
    throw error;
  });
  try {
    const answers = await checkAnswers(started.targets, WORKLOADS, started.recordings, tokens);
    const machine = describeMachine({ name: dataset.name, size: await dataset.size() }, loadAverage);
    const cells: Cell[] = [];
    const counters = () => subgraphCounters(subgraphs.urls);
    for (const workload of WORKLOADS) cells.push(...(await runWorkload(workload, started.targets, tokens[workload.role], options, counters)));
    const ceiling = started.cached ? await ceilingPairs(started.targets, tokens, options, counters) : undefined;
    const result: GatewaysResult = {
      workload: 'gateways',
      machine,
      settings: { connections: CONNECTIONS, rateShare: RATE_SHARE, secondsPerCell: options.duration, warmupSeconds: options.warmup },
      hubResponseCache: started.cached,
      targets: started.targets.map((t) => ({ name: t.name, about: t.about })),
      workloads: WORKLOADS.map((w) => {
        const recording = started.recordings[w.name]!;
        return { name: w.name, about: w.about, subgraphCalls: recording.calls.length, plan: describePlan(recording.calls), answerBytes: Buffer.byteLength(recording.answer) };
      }),
      answers,
      cells,
      ceiling,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(`${RESULTS}gateways.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeGatewaysMarkdown();
    return result;
  } finally {
    await started.stop();
    await subgraphs.stop();
  }
}
