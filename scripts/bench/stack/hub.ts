// The hub under benchmark: the five subgraphs and the gateway as separate processes, started as scripts/start.ts
// starts them (node --import tsx <main>, settings by env), on ports of their own so a running `npm start` is left alone.
import { metricSum } from '@vo/kit';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY, SUBGRAPHS } from '../../services.js';
import { startProcess, tsxMain, type BenchProcess } from './processes.js';

/** 4000-4005 plus 100: the bench's subgraphs on 4101-4105, its gateways from 4100. */
export const BENCH_PORT_OFFSET = 100;
// A subgraph prints "<name> subgraph ready at <url>", the gateway "Gateway ready: <url>".
const READY = /\bready(?: at|:) http/;
// CertificationsWithFunding at 1,000 certificates costs 5,010 (see its file): the one limit the bench raises.
const BENCH_MAX_QUERY_COST = '6000';

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export type SubgraphUrls = Record<SubgraphName, string>;

export interface Subgraphs {
  urls: SubgraphUrls;
  processes: BenchProcess[];
  stop(): Promise<void>;
}

/** A folder for the run's logs and the gateway's local files (last good supergraph). */
export const runFolder = () => mkdtempSync(join(tmpdir(), 'vo-bench-'));

/** Starts the five subgraphs on `databaseUrl`, seeding it when empty (as a first `npm start` does) if `seedOnStart`. */
export async function startSubgraphs(databaseUrl: string, seedOnStart: boolean, logDir: string): Promise<Subgraphs> {
  const processes = await Promise.all(
    SUBGRAPHS.map((subgraph) => {
      const env = { PORT: String(subgraph.port + BENCH_PORT_OFFSET), DATABASE_URL: databaseUrl, SEED_ON_START: String(seedOnStart), NODE_ENV: 'development' };
      return startProcess(subgraph.name, tsxMain(subgraph.main), env, READY, logDir);
    }),
  );
  const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, `http://127.0.0.1:${s.port + BENCH_PORT_OFFSET}/graphql`])) as SubgraphUrls;
  return { urls, processes, stop: async () => void (await Promise.all(processes.map((p) => p.stop()))) };
}

/** SUBGRAPH_<NAME>_URL for each subgraph: how the gateway is pointed at the bench's subgraphs (as docker-compose does). */
export const subgraphUrlEnv = (urls: SubgraphUrls) =>
  Object.fromEntries(Object.entries(urls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]));

/**
 * Starts the hub's gateway (gateway/src/main.ts) on `port`, its registry in the bench database as docker-compose
 * keeps it in the server's; `env` adds settings (RESPONSE_CACHE_MB=0 for the uncached run).
 */
export async function startHubGateway(options: { name: string; port: number; urls: SubgraphUrls; databaseUrl: string; logDir: string; env?: Record<string, string> }) {
  const env = {
    PORT: String(options.port),
    NODE_ENV: 'development',
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: join(options.logDir, `${options.name}-data`),
    REGISTRY_LAST_GOOD_PATH: join(options.logDir, `${options.name}-data`, 'supergraph.last-good.graphql'),
    MAX_QUERY_COST: BENCH_MAX_QUERY_COST,
    ...subgraphUrlEnv(options.urls),
    ...options.env,
  };
  const gateway = await startProcess(options.name, tsxMain(GATEWAY.main), env, READY, options.logDir);
  return { ...gateway, url: `http://127.0.0.1:${options.port}/graphql` };
}

export interface SubgraphCounters {
  /** SQL statements sent (vo_db_statements_total, from the kit's observability). */
  sql: number;
  /** GraphQL requests answered with errors (vo_graphql_requests_total{outcome="error"}). */
  errors: number;
}

/** The subgraphs' counters summed, from each one's /metrics. */
export async function subgraphCounters(urls: SubgraphUrls): Promise<SubgraphCounters> {
  const texts = await Promise.all(Object.values(urls).map(async (url) => (await fetch(url.replace(/\/graphql$/, '/metrics'))).text()));
  const sum = (name: string, labels?: Record<string, string>) => texts.reduce((total, text) => total + metricSum(text, name, labels), 0);
  return { sql: sum('vo_db_statements_total'), errors: sum('vo_graphql_requests_total', { outcome: 'error' }) };
}
