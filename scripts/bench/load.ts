// One benchmark cell: a workload against a target for a fixed time, at a fixed concurrency or a fixed arrival rate,
// with what the target process spent (CPU from /proc, peak RSS) and the SQL statements the subgraphs ran meanwhile.
import autocannon from 'autocannon';
import type { SubgraphCounters } from './stack/hub.js';
import { cpuMs, sampleRss } from './stack/processes.js';

export type Mode = 'concurrency' | 'rate';

export interface Cell {
  workload: string;
  target: string;
  mode: Mode;
  /** Connections (concurrency mode) or requests per second offered (rate mode). */
  load: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Null when no request completed within the cell. */
  p50Ms: number | null;
  p99Ms: number | null;
  cpuMsPerRequest: number | null;
  peakRssMB: number;
  sqlPerRequest: number | null;
  /** Failed, non-2xx and timed-out requests, and subgraph answers with errors: a cell with any is suspect. */
  failures: number;
}

export interface Shot {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadSettings {
  mode: Mode;
  load: number;
  seconds: number;
  warmupSeconds: number;
}

/** Connections in concurrency mode; rate mode spreads its rate over as many, so a slow answer does not hold up the next. */
export const CONNECTIONS = 8;

const fire = (shot: Shot, settings: { mode: Mode; load: number; seconds: number }) =>
  autocannon({
    ...shot,
    method: 'POST',
    connections: CONNECTIONS,
    duration: settings.seconds,
    timeout: 30,
    ...(settings.mode === 'rate' ? { overallRate: settings.load } : {}),
  });

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Warms up, then measures one cell. `counters` reads the subgraphs' SQL statements and answers with errors (autocannon
 * checks only the status; a subgraph failure inside a 200 answer shows here).
 */
export async function measure(
  names: { workload: string; target: string },
  shot: Shot,
  pid: number,
  settings: LoadSettings,
  counters: () => Promise<SubgraphCounters>,
): Promise<Cell> {
  if (settings.warmupSeconds > 0) await fire(shot, { ...settings, seconds: settings.warmupSeconds });
  const [cpuBefore, before] = [cpuMs(pid), await counters()];
  const rss = sampleRss(pid);
  const result = await fire(shot, settings);
  const peakRssMB = rss.stop();
  const [cpuAfter, after] = [cpuMs(pid), await counters()];
  const requests = result['2xx'] + result.non2xx;
  return {
    ...names,
    mode: settings.mode,
    load: settings.load,
    seconds: result.duration,
    requests,
    requestsPerSecond: round(requests / result.duration),
    p50Ms: requests ? result.latency.p50 : null,
    p99Ms: requests ? result.latency.p99 : null,
    cpuMsPerRequest: requests ? round((cpuAfter - cpuBefore) / requests, 2) : null,
    peakRssMB: round(peakRssMB),
    sqlPerRequest: requests ? round((after.sql - before.sql) / requests, 2) : null,
    failures: result.errors + result.timeouts + result.non2xx + (after.errors - before.errors),
  };
}
