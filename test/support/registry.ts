import { openRegistry, type Registry } from '@vo/gateway/registry';
import { authHeaders, openTestDatabase } from '@vo/kit/testing';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGatewayOver, type Hub } from './hub.js';

export const SEED_CONFIG = fileURLToPath(new URL('../../schema/supergraph.yaml', import.meta.url));

/**
 * A gateway over a running hub's subgraphs that serves the schema registry's supergraph: the registry on its own
 * throwaway database, seeded from the committed set, its last good supergraph in a temporary folder.
 */
export async function startRegistryGateway(hub: Hub, options: { limits?: { maxCost?: number } } = {}) {
  const database = await openTestDatabase();
  const lastGoodPath = join(mkdtempSync(join(tmpdir(), 'vo-registry-')), 'supergraph.last-good.graphql');
  const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url]));
  // Usage is flushed by the checks themselves, not a timer, so a test sees exactly the operations it ran.
  const registry: Registry = await openRegistry({ database, seedConfigPath: SEED_CONFIG, lastGoodPath, subgraphUrls, usageFlushMs: 3_600_000 });
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
