// `npm run bench -- soak`: minutes of mixed load on the hub's gateway (the three workloads and four other analysts'
// operations at once, and a grant corrected through the gateway every few seconds so caches are invalidated for
// real), its RSS, heap and response cache sampled every second; soak-memory.ts says whether memory is flat.
import { metricSum } from '@vo/kit';
import autocannon from 'autocannon';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ensureDataset } from './dataset.js';
import { currentLoadAverage, describeMachine } from './machine.js';
import type { BenchOptions } from './options.js';
import { RESULTS } from './gateways-report.js';
import { runFolder, startHubGateway, startSubgraphs, subgraphCounters } from './stack/hub.js';
import { rssMB } from './stack/processes.js';
import { PORTS } from './stack/targets.js';
import { headersFor, signTokens, SOAK_EXTRA_READS, WORKLOADS, type Role } from './workloads.js';
import { FLAT, memoryTrend, type MemorySample } from './soak-memory.js';
import { soakMarkdown, type SoakResult } from './soak-report.js';
import { startWriter } from './soak-writes.js';

/** Connections per operation: 7 operations, 7 connections in all, about the comparison's 8. */
const CONNECTIONS_PER_OPERATION = 1;
/** The gateway's heap, its floor after major collections, memory outside the heap and its response cache, from its /metrics. */
async function gatewayMemory(metricsUrl: string): Promise<Omit<MemorySample, 'second' | 'rssMB'>> {
  const text = await (await fetch(metricsUrl)).text();
  const mb = (name: string) => round(metricSum(text, name) / 2 ** 20);
  return {
    heapMB: mb('nodejs_heap_size_used_bytes'),
    heapTotalMB: mb('nodejs_heap_size_total_bytes'),
    heapAfterGcMB: mb('vo_heap_used_after_major_gc_bytes'),
    externalMB: mb('nodejs_external_memory_bytes'),
    majorGcs: metricSum(text, 'nodejs_gc_duration_seconds_count', { kind: 'major' }),
    cacheMB: mb('vo_response_cache_bytes'),
  };
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function benchSoak(options: BenchOptions): Promise<SoakResult> {
  const loadAverage = currentLoadAverage();
  const dataset = await ensureDataset(options.quick);
  const logDir = runFolder();
  console.error(`Soak: ${options.soakMinutes} min of mixed load on the hub's gateway (logs in ${logDir})...`);
  const subgraphs = await startSubgraphs(dataset.url, dataset.seedOnStart, logDir);
  const tokens: Record<Role, string> = await signTokens();
  const gateway = await startHubGateway({ name: 'soak-hub', port: PORTS.hub, urls: subgraphs.urls, databaseUrl: dataset.url, logDir }).catch(async (error) => {
    await subgraphs.stop();
    throw error;
  });
  try {
    const machine = describeMachine({ name: dataset.name, size: await dataset.size() }, loadAverage);
    const writer = await startWriter(gateway.url, tokens);
    const samples: MemorySample[] = [];
    const started = performance.now();
    const metricsUrl = gateway.url.replace(/\/graphql$/, '/metrics');
    const sampler = setInterval(async () => {
      const second = (performance.now() - started) / 1000;
      samples.push({ second: round(second, 1), rssMB: round(rssMB(gateway.pid)), ...(await gatewayMemory(metricsUrl)) });
    }, 1000);
    const before = await subgraphCounters(subgraphs.urls);
    const operations = [...WORKLOADS, ...SOAK_EXTRA_READS];
    const results = await Promise.all(
      operations.map((op) =>
        autocannon({ url: gateway.url, method: 'POST', headers: headersFor(tokens[op.role]), body: op.body, connections: CONNECTIONS_PER_OPERATION, duration: options.soakMinutes * 60, timeout: 30 }),
      ),
    );
    clearInterval(sampler);
    const writes = await writer.stop();
    const after = await subgraphCounters(subgraphs.urls);
    const measured = samples.filter((s) => s.second >= options.soakWarmupMinutes * 60);
    const result: SoakResult = {
      workload: 'soak',
      machine,
      minutes: options.soakMinutes,
      warmupMinutes: options.soakWarmupMinutes,
      operations: operations.map((op, i) => ({ name: op.name, requests: results[i]!['2xx'] + results[i]!.non2xx, failures: results[i]!.errors + results[i]!.timeouts + results[i]!.non2xx, p50Ms: results[i]!.latency.p50, p99Ms: results[i]!.latency.p99 })),
      writes,
      sqlStatements: after.sql - before.sql,
      subgraphErrors: after.errors - before.errors,
      memory: { ...memoryTrend(measured), peakRssMB: Math.max(...samples.map((s) => s.rssMB)), flatThresholds: FLAT },
      samples,
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(`${RESULTS}soak.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${RESULTS}soak.md`, soakMarkdown(result));
    console.error(soakMarkdown(result));
    return result;
  } finally {
    await gateway.stop();
    await subgraphs.stop();
  }
}
