import { createGateway } from '@vo/gateway';
import { loadGatewayConfig } from '@vo/gateway/config';
import { startRegistry } from '@vo/gateway/registry';
import { closeServer, listen } from '@vo/kit';
import { createServerTestDatabase, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../scripts/services.js';
import { SUPERGRAPH_PATH } from './support/hub.js';
import { registryCall } from './support/registry.js';
import { safetyWeekSdl, startSafetyWeek } from './support/safety-week.js';

const UNREACHABLE = 'postgres://postgres@127.0.0.1:9/registry';
const committed = new URL(SUPERGRAPH_PATH).pathname;
let regions: Awaited<ReturnType<typeof startTestSubgraph>>;
let safetyWeek: Awaited<ReturnType<typeof startSafetyWeek>>;
let server: Awaited<ReturnType<typeof createServerTestDatabase>>;

beforeAll(async () => {
  regions = await startTestSubgraph(await loadDefinition('regions'));
  safetyWeek = await startSafetyWeek();
  server = await createServerTestDatabase();
});
afterAll(async () => {
  await regions?.close();
  await safetyWeek?.close();
  await server?.drop();
});

/** The gateway as main.ts starts it, from environment variables, serving on a free port. */
async function startGateway(env: Record<string, string | undefined>) {
  const config = loadGatewayConfig({ SUBGRAPH_REGIONS_URL: regions.url, ...env });
  const registry = await startRegistry(config.registry, { subgraphUrls: config.subgraphUrls, committedSupergraphPath: committed });
  const gateway = await createGateway({ supergraphSdl: registry.supergraphSdl, registry: registry.registry, subgraphUrls: config.subgraphUrls });
  const { server: http, url } = await listen(gateway.app, 0);
  return {
    registry: registry.registry,
    url: `${url}/graphql`,
    baseUrl: url,
    lastGoodPath: config.registry.lastGoodPath,
    async close() {
      await closeServer(http);
      await gateway.stop();
      await registry.close();
    },
  };
}

describe('a gateway whose registry database is unreachable', () => {
  it('starts from the last good supergraph on disk, serving what was last published, with the registry answering 503', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vo-cold-start-'));
    // The registry on its own database (embedded in DATA_DIR, or the server): publish a subgraph, then stop.
    const first = await startGateway({ DATA_DIR: dataDir, DATABASE_URL: server?.url });
    const published = await registryCall(first, 'POST', '/subgraphs/safety-week/publish', {
      scopes: ['registry:publish:safety-week'],
      body: { sdl: safetyWeekSdl('events'), url: safetyWeek.url },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const lastGood = readFileSync(first.lastGoodPath, 'utf8');
    expect(lastGood).toContain('safetyWeekEvents');
    await first.close();

    const cold = await startGateway({ DATA_DIR: dataDir, DATABASE_URL: UNREACHABLE });
    try {
      expect(cold.registry).toBeUndefined();
      expect(await graphqlOk(cold.url, '{ region(code: "ZWB") { name safetyWeekEvents } }')).toEqual({
        region: { name: 'Zeeland-West-Brabant', safetyWeekEvents: 9 },
      });
      const list = await registryCall(cold, 'GET', '/subgraphs', { scopes: [] });
      expect(list).toMatchObject({ status: 503, body: { code: 'REGISTRY_UNAVAILABLE' } });
    } finally {
      await cold.close();
    }

    // Back on its database, the registry still has the partner's publish: the committed set is not brought in again.
    const warm = await startGateway({ DATA_DIR: dataDir, DATABASE_URL: server?.url });
    try {
      const versions = warm.registry!.active.members.map((m) => [m.subgraph, m.version]);
      expect(versions).toContainEqual(['safety-week', 1]);
      expect(versions.every(([, version]) => version === 1)).toBe(true);
      expect(warm.registry!.current()).toBe(lastGood);
    } finally {
      await warm.close();
    }
  });

  it('falls back to the committed supergraph when it never had a last good one', async () => {
    const cold = await startGateway({ DATA_DIR: mkdtempSync(join(tmpdir(), 'vo-cold-start-')), DATABASE_URL: UNREACHABLE });
    try {
      expect(cold.registry).toBeUndefined();
      expect(await graphqlOk(cold.url, '{ region(code: "NN") { name } }')).toEqual({ region: { name: 'Noord-Nederland' } });
    } finally {
      await cold.close();
    }
  });
});
