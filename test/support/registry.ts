import { openRegistry, type Registry } from '@vo/gateway/registry';
import { authHeaders, graphql, openTestDatabase } from '@vo/kit/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { startGatewayOver, type Hub } from './hub.js';

export const SEED_CONFIG = fileURLToPath(new URL('../../schema/supergraph.yaml', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A gateway over a running hub's subgraphs that serves the schema registry's supergraph: the registry on its own
 * throwaway database, seeded from the committed set (or `seedConfigPath`), its last good supergraph in a temporary
 * folder.
 */
export async function startRegistryGateway(hub: Hub, options: { limits?: { maxCost?: number }; seedConfigPath?: string } = {}) {
  const database = await openTestDatabase();
  const lastGoodPath = join(mkdtempSync(join(tmpdir(), 'vo-registry-')), 'supergraph.last-good.graphql');
  const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url]));
  const seedConfigPath = options.seedConfigPath ?? SEED_CONFIG;
  // Usage is flushed by the checks themselves, not a timer, so a test sees exactly the operations it ran.
  const registry: Registry = await openRegistry({ database, seedConfigPath, lastGoodPath, subgraphUrls, usageFlushMs: 3_600_000 });
  const gateway = await startGatewayOver(hub, { registry, limits: options.limits });
  return {
    url: gateway.url,
    baseUrl: gateway.url.replace(/\/graphql$/, ''),
    registry,
    database,
    lastGoodPath,
    async close() {
      await gateway.close();
      await registry.close();
      await database.close();
    },
  };
}

export type RegistryGateway = Awaited<ReturnType<typeof startRegistryGateway>>;

/**
 * A copy of the committed schema/supergraph.yaml without the `left out` subgraphs, in a temporary folder, its
 * schema files pointing at the committed ones: the registry's starting set of a hub before those partners joined.
 */
export function committedSetWithout(...leftOut: string[]): string {
  const config = parseYaml(readFileSync(SEED_CONFIG, 'utf8')) as { subgraphs: Record<string, { schema: { file: string } }> };
  for (const name of leftOut) {
    if (!config.subgraphs[name]) throw new Error(`${SEED_CONFIG} has no subgraph "${name}" to leave out.`);
    delete config.subgraphs[name];
  }
  for (const subgraph of Object.values(config.subgraphs)) subgraph.schema.file = resolve(dirname(SEED_CONFIG), subgraph.schema.file);
  const path = join(mkdtempSync(join(tmpdir(), 'vo-seed-')), 'supergraph.yaml');
  writeFileSync(path, stringifyYaml(config));
  return path;
}

/**
 * Runs `npm run hub -- subgraph ...` against a gateway as a partner's CI would (the same entry point, without npm's
 * banner), with HUB_URL set to the gateway and no HUB_TOKEN unless `env` gives one.
 */
export function hubCli(
  gateway: { baseUrl: string },
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const options = { cwd: ROOT, env: { ...process.env, HUB_URL: gateway.baseUrl, HUB_TOKEN: '', ...env } };
    execFile(process.execPath, ['--import', 'tsx', 'scripts/hub.ts', 'subgraph', ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

type GraphqlResult = Awaited<ReturnType<typeof graphql>>;

/**
 * A client that keeps sending `query` in `loops` parallel loops, each request as soon as the previous one is
 * answered, until `stopAfter`. Every request counts; a failure is a transport error, a status other than 200, any
 * GraphQL error, or data that `accept` refuses. `inFlight()` says how many requests are sent and not yet answered.
 */
export function startClientLoad(url: string, query: string, accept: (data: any) => boolean, loops = 4) {
  const counts = { sent: 0, answered: 0, failures: [] as string[] };
  let settled = false;
  let more = 0;
  const send = async () => {
    counts.sent += 1;
    let result: GraphqlResult | Error;
    try {
      result = await graphql(url, query);
    } catch (error) {
      result = error as Error;
    }
    counts.answered += 1;
    if (result instanceof Error) counts.failures.push(`${result.message} (${String((result.cause as Error | undefined)?.message)})`);
    else if (result.status !== 200 || result.errors || !accept(result.data)) counts.failures.push(JSON.stringify(result).slice(0, 500));
  };
  const loop = async () => {
    while (!settled) await send();
    for (let i = 0; i < more; i += 1) await send();
  };
  const running = Promise.all(Array.from({ length: loops }, loop));
  return {
    counts,
    inFlight: () => counts.sent - counts.answered,
    /** Lets each loop go on until `done` settles, then `after` requests more; answers the requests and failures. */
    async stopAfter(done: Promise<unknown>, after = 10) {
      more = after;
      await done.then(
        () => {},
        () => {},
      );
      settled = true;
      await running;
      return { requests: counts.answered, failures: counts.failures };
    },
  };
}

/** Calls a registry endpoint with a development token holding `scopes`; returns the status and the JSON body. */
export async function registryCall(
  gateway: { baseUrl: string },
  method: 'GET' | 'POST',
  path: string,
  options: { scopes?: string[]; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.scopes) Object.assign(headers, await authHeaders({ scopes: options.scopes }));
  const response = await fetch(`${gateway.baseUrl}/registry${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    throw new Error(`Non-JSON answer ${response.status} from ${method} ${path}:\n${text.slice(0, 2000)}`);
  }
}

/** An http URL on a local port nothing listens on (taken from the system and released again). */
export async function closedPortUrl(path = '/graphql'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}${path}`;
}
