// /ready on a subgraph (migrated, database reachable) and on the gateway (its own parts decide; subgraphs that are
// down are listed as degraded). Real databases, real HTTP; stand-ins count the probes that reach a subgraph.
import { createGateway, GatewayHealth } from '@vo/gateway';
import { closeServer, listen, migrateSubgraph, serveSubgraph } from '@vo/kit';
import { openTestDatabase, startTestSubgraph } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../scripts/services.js';
import { SUPERGRAPH_PATH } from './support/hub.js';
import { downAddress, startStandIn } from './support/outage.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function ready(baseUrl: string) {
  const response = await fetch(`${baseUrl}/ready`);
  return { status: response.status, body: await response.json() };
}

const baseOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

describe('a subgraph /ready', () => {
  it('is 200 when migrated and its database answers, and 503 naming the check otherwise', async () => {
    const regions = await loadDefinition('regions');
    const database = await openTestDatabase();
    const running = await serveSubgraph(regions, database, { port: 0 });
    cleanups.push(() => running.stop());
    const base = baseOf(running.url);

    const unmigrated = await ready(base);
    expect(unmigrated.status).toBe(503);
    expect(unmigrated.body).toMatchObject({ service: 'regions', ready: false, status: 'not_ready' });
    expect(unmigrated.body.checks.database).toEqual({ status: 'ok', detail: database.kind });
    expect(unmigrated.body.checks.migrations.status).toBe('failed');

    await migrateSubgraph(database, regions.name, regions.migrationsFolder);
    expect(await ready(base)).toEqual({
      status: 200,
      body: { service: 'regions', ready: true, status: 'ready', checks: { database: expect.objectContaining({ status: 'ok' }), migrations: expect.objectContaining({ status: 'ok' }) } },
    });

    running.lifecycle.stopping = true;
    expect(await ready(base)).toMatchObject({ status: 503, body: { ready: false, status: 'stopping' } });
    running.lifecycle.stopping = false;

    await database.close();
    const unreachable = await ready(base);
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.checks.database.status).toBe('failed');
  });
});

describe('the gateway /ready', () => {
  let kvo: Awaited<ReturnType<typeof startStandIn>>;
  let subgraphUrls: Record<string, string>;

  beforeAll(async () => {
    const regions = await startTestSubgraph(await loadDefinition('regions'), { seed: false });
    kvo = await startStandIn('unavailable');
    const cyber = await startStandIn('hang');
    cleanups.push(() => regions.close(), () => kvo.close(), () => cyber.close());
    subgraphUrls = { regions: regions.url, kvo: kvo.url, cyber: cyber.url, funding: await downAddress(), riec: await downAddress() };
  });

  async function startGateway(cacheMs: number) {
    const gateway = await createGateway({
      supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls,
      health: { timeoutMs: 300, cacheMs },
    });
    const { server, url } = await listen(gateway.app, 0);
    cleanups.push(async () => (await closeServer(server), await gateway.stop()));
    return { gateway, url };
  }

  it('stays ready with subgraphs down, and names each one and why', async () => {
    const { url } = await startGateway(0);
    const { status, body } = await ready(url);
    expect(status).toBe(200);
    expect(body).toMatchObject({ service: 'gateway', ready: true, status: 'degraded', checks: { supergraph: { status: 'ok' } } });
    expect(body.subgraphPolicy).toMatch(/does not make the gateway unready/);
    expect(body.subgraphs.regions).toEqual({ status: 'ok' });
    expect(body.subgraphs.kvo).toEqual({ status: 'degraded', detail: 'down: /health answered 503' });
    expect(body.subgraphs.cyber).toEqual({ status: 'degraded', detail: 'down: no answer within the probe timeout' });
    expect(body.subgraphs.funding).toEqual({ status: 'degraded', detail: 'down: ECONNREFUSED' });
    expect(Object.keys(body.subgraphs).sort()).toEqual(['cyber', 'funding', 'kvo', 'regions', 'riec']);
  });

  it('reuses one round of subgraph probes for a storm of /ready calls', async () => {
    const { url } = await startGateway(60_000);
    const before = kvo.calls();
    const storm = await Promise.all(Array.from({ length: 20 }, () => ready(url)));
    await ready(url);
    expect(storm.every((answer) => answer.status === 200)).toBe(true);
    expect(kvo.calls() - before).toBe(1);

    const uncached = await startGateway(0);
    const start = kvo.calls();
    await ready(uncached.url);
    await ready(uncached.url);
    expect(kvo.calls() - start).toBe(2);
  });

  it('answers 503 once a shutdown has begun', async () => {
    const { gateway, url } = await startGateway(0);
    gateway.health.lifecycle.stopping = true;
    expect(await ready(url)).toMatchObject({ status: 503, body: { ready: false, status: 'stopping' } });
  });

  it('is not ready when its registry database does not answer', async () => {
    const registryDatabase = await openTestDatabase();
    const health = new GatewayHealth({ supergraph: async () => 'a fixed supergraph', registryDatabase });
    expect((await health.report()).ready).toBe(true);
    await registryDatabase.close();
    const report = await health.report();
    expect(report).toMatchObject({ ready: false, status: 'not_ready', checks: { registry: { status: 'failed' } } });
  });
});
