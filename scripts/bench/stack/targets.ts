// Everything the side-by-side run benchmarks, over one set of subgraph processes: the hub's gateway (with its
// response cache, and without it when it has one), Hive Gateway, "direct" (the recorded subgraph calls replayed
// without a gateway) and "bare" (node:http returning the answer bytes).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { headersFor, type Role, type Workload } from '../workloads.js';
import { startHiveGateway } from './hive.js';
import { startHubGateway, type Subgraphs } from './hub.js';
import { startProcess, tsxMain, type BenchProcess } from './processes.js';
import { planOrder, startTaps } from './record.js';
import type { Recording } from './replay-server.js';

const RECORDED_EXECUTIONS = 3;

export const PORTS = { hub: 4100, hubUncached: 4106, hive: 4110, direct: 4120, bare: 4130, recorder: 4140 };

export interface Target {
  name: string;
  about: string;
  process: BenchProcess;
  url(workload: Workload): string;
  /** Runs SQL through the subgraphs (bare answers from memory). */
  usesSubgraphs: boolean;
}

const post = async (url: string, workload: Workload, token: string) => {
  const response = await fetch(url, { method: 'POST', headers: headersFor(token), body: workload.body });
  return { status: response.status, cache: response.headers.get('x-cache'), text: await response.text() };
};

/**
 * Records one execution of each workload through a gateway of the hub's, its response cache off, behind taps:
 * the subgraph calls and their order (from three executions, see planOrder), and the answer. The first execution
 * only warms the gateway's plan cache.
 */
async function record(subgraphs: Subgraphs, databaseUrl: string, logDir: string, workloads: Workload[], tokens: Record<Role, string>) {
  const taps = await startTaps(subgraphs.urls);
  const gateway = await startHubGateway({ name: 'recorder', port: PORTS.recorder, urls: taps.urls, databaseUrl, logDir, env: { RESPONSE_CACHE_MB: '0' } });
  const recordings: Record<string, Recording> = {};
  try {
    for (const workload of workloads) {
      await post(gateway.url, workload, tokens[workload.role]);
      const executions: (typeof taps.calls)[] = [];
      let answer = '';
      for (let i = 0; i < RECORDED_EXECUTIONS; i++) {
        taps.calls.length = 0;
        const { status, text } = await post(gateway.url, workload, tokens[workload.role]);
        if (status !== 200 || JSON.parse(text).errors) throw new Error(`${workload.name} failed through the hub's gateway (${status}): ${text.slice(0, 500)}`);
        executions.push([...taps.calls]);
        answer = text;
      }
      recordings[workload.name] = { calls: planOrder(executions), answer };
    }
  } finally {
    await gateway.stop();
    await taps.close();
  }
  return recordings;
}

/** Starts every target; the hub's gateway without its cache only when it answers with an x-cache header. */
export async function startTargets(subgraphs: Subgraphs, databaseUrl: string, logDir: string, workloads: Workload[], tokens: Record<Role, string>) {
  const recordings = await record(subgraphs, databaseUrl, logDir, workloads, tokens);
  const file = join(logDir, 'recordings.json');
  writeFileSync(file, JSON.stringify(recordings));
  const targets: Target[] = [];
  const gatewayTarget = (name: string, about: string, gateway: BenchProcess & { url: string }): Target => ({ name, about, process: gateway, url: () => gateway.url, usesSubgraphs: true });
  const hub = await startHubGateway({ name: 'hub', port: PORTS.hub, urls: subgraphs.urls, databaseUrl, logDir });
  targets.push(gatewayTarget('hub', "the hub's gateway (gateway/src/main.ts), as npm start runs it", hub));
  const cached = (await post(hub.url, workloads[0]!, tokens[workloads[0]!.role])).cache !== null;
  if (cached) {
    const uncached = await startHubGateway({ name: 'hub-uncached', port: PORTS.hubUncached, urls: subgraphs.urls, databaseUrl, logDir, env: { RESPONSE_CACHE_MB: '0' } });
    targets.push(gatewayTarget('hub-uncached', "the hub's gateway with its response cache off (RESPONSE_CACHE_MB=0)", uncached));
  }
  targets.push(gatewayTarget('hive', 'Hive Gateway over the same supergraph and subgraphs', await startHiveGateway({ port: PORTS.hive, urls: subgraphs.urls, logDir })));
  for (const mode of ['direct', 'bare'] as const) {
    const port = PORTS[mode];
    const server = await startProcess(mode, [...tsxMain('scripts/bench/stack/replay-server.ts'), mode, file, String(port)], {}, /server ready/, logDir);
    const about = mode === 'direct' ? "the hub gateway's recorded subgraph calls, replayed in the plan's order by node:http" : 'node:http returning the same answer bytes';
    targets.push({ name: mode, about, process: server, url: (w) => `http://127.0.0.1:${port}/${w.name}`, usesSubgraphs: mode === 'direct' });
  }
  return { targets, recordings, cached, stop: async () => void (await Promise.all(targets.map((t) => t.process.stop()))) };
}

/** A benchmark over different answers is void: each target's answer must equal, as JSON, the recorded one. */
export async function checkAnswers(targets: Target[], workloads: Workload[], recordings: Record<string, Recording>, tokens: Record<Role, string>) {
  const checks: { workload: string; target: string; bytesEqual: boolean; jsonEqual: boolean }[] = [];
  for (const workload of workloads) {
    const expected = recordings[workload.name]!.answer;
    for (const target of targets) {
      const { status, text } = await post(target.url(workload), workload, tokens[workload.role]);
      const jsonEqual = status === 200 && isDeepStrictEqual(JSON.parse(text), JSON.parse(expected));
      checks.push({ workload: workload.name, target: target.name, bytesEqual: text === expected, jsonEqual });
      if (!jsonEqual) throw new Error(`${target.name} answers ${workload.name} differently from the hub's gateway: the comparison would be void.\n${text.slice(0, 800)}\n---\n${expected.slice(0, 800)}`);
    }
  }
  return checks;
}
