import { graphql, graphqlOk } from '@vo/kit/testing';
import { readSupergraphConfig } from '@vo/gateway/composition';
import { openRegistry } from '@vo/gateway/registry';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, SUPERGRAPH_PATH, type Hub } from './support/hub.js';
import { closedPortUrl, registryCall, SEED_CONFIG, startClientLoad, startRegistryGateway, type RegistryGateway } from './support/registry.js';
import { safetyWeekSdl, startSafetyWeek } from './support/safety-week.js';

const PUBLISH = ['registry:publish:safety-week'];
const COMMITTED = readSupergraphConfig(SEED_CONFIG).map((subgraph) => subgraph.name).sort();
let hub: Hub;
let gateway: RegistryGateway;
let safetyWeek: Awaited<ReturnType<typeof startSafetyWeek>>;

beforeAll(async () => {
  hub = await startHub();
  gateway = await startRegistryGateway(hub);
  safetyWeek = await startSafetyWeek();
});
afterAll(async () => {
  await gateway?.close();
  await safetyWeek?.close();
  await hub?.close();
});

const publish = (sdl: string, scopes = PUBLISH, url = safetyWeek.url) =>
  registryCall(gateway, 'POST', '/subgraphs/safety-week/publish', { scopes, body: { sdl, url } });

describe('the schema registry in the gateway', () => {
  it('starts from the committed set: the same supergraph as schema/supergraph.graphql, every subgraph at version 1', async () => {
    expect(gateway.registry.current()).toBe(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    const { status, body } = await registryCall(gateway, 'GET', '/subgraphs', { scopes: [] });
    expect(status).toBe(200);
    expect(body.subgraphs.map((s: any) => [s.subgraph, s.version, s.author])).toEqual(
      COMMITTED.map((name) => [name, 1, 'schema/supergraph.yaml']),
    );
    expect(readFileSync(gateway.lastGoodPath, 'utf8')).toBe(gateway.registry.current());
  });

  it('publishes a new subgraph while a client keeps querying: no failed request, the new field served without restart', async () => {
    const before = await graphql(gateway.url, '{ region(code: "NN") { safetyWeekEvents } }');
    expect(before.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const client = startClientLoad(gateway.url, '{ regions { code name municipalityCount } }', (data) => data?.regions?.length === 10);
    const published = publish(safetyWeekSdl('events'));
    const { failures, requests } = await client.stopAfter(published);
    const { status, body } = await published;
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ status: 'published', subgraph: 'safety-week', version: 1 });
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(40);
    const data = await graphqlOk(gateway.url, '{ region(code: "NN") { name safetyWeekEvents } }');
    expect(data).toEqual({ region: { name: 'Noord-Nederland', safetyWeekEvents: 6 } });
    expect(readFileSync(gateway.lastGoodPath, 'utf8')).toBe(gateway.registry.current());
    expect(gateway.registry.current()).toContain('SAFETY_WEEK');
  });

  it('answers a second publish of the same SDL and URL as unchanged, without a new version', async () => {
    const { status, body } = await publish(safetyWeekSdl('events'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'unchanged', version: 1 });
  });

  it('refuses a schema that does not compose, with its errors and where they are, and keeps serving the previous supergraph', async () => {
    const served = gateway.registry.current();
    const broken = safetyWeekSdl('events').replace('safetyWeekEvents: Int!', 'safetyWeekEvents: Int!\n  "Clashes with regions."\n  name: Int!');
    const { status, body } = await publish(broken);
    expect(status).toBe(422);
    expect(body.code).toBe('COMPOSITION_FAILED');
    expect(body.message).toContain('keeps serving the previous supergraph');
    const mismatch = body.errors.find((error: any) => error.code === 'FIELD_TYPE_MISMATCH');
    expect(mismatch.message).toContain('Region.name');
    // The field's definition starts at its description, on line 9 of the published SDL.
    expect(mismatch.locations).toContainEqual({ subgraph: 'safety-week', line: 9, column: 3 });
    expect(mismatch.locations).toContainEqual(expect.objectContaining({ subgraph: 'regions' }));
    expect(gateway.registry.current()).toBe(served);
    const history = await registryCall(gateway, 'GET', '/subgraphs/safety-week/history', { scopes: [] });
    expect(history.body.versions.map((v: any) => v.version)).toEqual([1]);
    expect(await graphqlOk(gateway.url, '{ region(code: "LB") { name safetyWeekEvents } }')).toEqual({ region: { name: 'Limburg', safetyWeekEvents: 6 } });
  });

  it('refuses a token for another subgraph (403), no token (401), and says which scope is needed', async () => {
    const forbidden = await publish(safetyWeekSdl('events', 'theme'), ['registry:publish:kvo', 'national:read']);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toEqual({
      code: 'FORBIDDEN',
      message: 'This token may not change "safety-week" (it has registry:publish:kvo): it needs the scope registry:publish:safety-week.',
    });
    const check = await registryCall(gateway, 'POST', '/subgraphs/safety-week/check', { scopes: ['registry:publish:kvo'], body: { sdl: 'type Query { a: Int }' } });
    expect(check.status).toBe(403);
    const anonymous = await registryCall(gateway, 'POST', '/subgraphs/safety-week/publish', { body: { sdl: safetyWeekSdl('events'), url: safetyWeek.url } });
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(anonymous.body.message).toContain('registry:publish:safety-week');
    const badToken = await fetch(`${gateway.baseUrl}/registry/subgraphs`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(badToken.status).toBe(401);
    expect((await graphql(gateway.url, '{ region(code: "NN") { safetyWeekTheme } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers bad requests with 400 and a code naming what to fix, changing nothing', async () => {
    const served = gateway.registry.current();
    const cases: [string, { body?: unknown; rawBody?: string }, string, string][] = [
      ['/subgraphs/safety-week/publish', { body: { sdl: safetyWeekSdl('events') } }, 'BAD_REQUEST', 'body.url is required: the routing URL'],
      ['/subgraphs/safety-week/publish', { body: { sdl: 42, url: safetyWeek.url } }, 'BAD_REQUEST', 'body.sdl the subgraph SDL as a string'],
      ['/subgraphs/safety-week/publish', { body: { sdl: safetyWeekSdl('events'), url: 'ftp://x' } }, 'BAD_REQUEST', 'body.url the routing URL, an http(s) URL'],
      ['/subgraphs/safety-week/publish', { rawBody: '{"sdl": ' }, 'BAD_REQUEST', 'not valid JSON'],
      ['/subgraphs/safety-week/publish', { body: { sdl: 'type Region {', url: safetyWeek.url } }, 'INVALID_SDL', 'does not parse'],
      ['/subgraphs/safety-week/rollback', { body: { version: 'one' } }, 'BAD_REQUEST', 'body.version'],
      ['/subgraphs/Safety_Week/publish', { body: { sdl: 'x', url: safetyWeek.url } }, 'BAD_REQUEST', 'not a subgraph name'],
    ];
    for (const [path, options, code, text] of cases) {
      const { status, body } = await registryCall(gateway, 'POST', path, { ...options, scopes: [...PUBLISH, 'registry:publish:Safety_Week'] });
      expect([path, status, body.code]).toEqual([path, 400, code]);
      expect(body.message).toContain(text);
    }
    expect(gateway.registry.current()).toBe(served);
  });

  it('refuses a routing URL the gateway cannot reach, storing nothing', async () => {
    const url = await closedPortUrl();
    const { status, body } = await publish(safetyWeekSdl('events', 'theme'), PUBLISH, url);
    expect(status).toBe(422);
    expect(body.code).toBe('SUBGRAPH_UNREACHABLE');
    expect(body.message).toMatch(new RegExp(`^The gateway cannot reach subgraph "safety-week" at ${url} \\(.*ECONNREFUSED.*\\)\\. Deploy it first, or fix the routing URL\\.$`));
    const history = await registryCall(gateway, 'GET', '/subgraphs/safety-week/history', { scopes: [] });
    expect(history.body.versions).toHaveLength(1);
  });

  it('rolls back to an earlier version, which the gateway serves at once; history marks the active one', async () => {
    expect((await publish(safetyWeekSdl('events', 'theme'))).body).toMatchObject({ status: 'published', version: 2 });
    expect(await graphqlOk(gateway.url, '{ region(code: "DH") { safetyWeekTheme } }')).toEqual({ region: { safetyWeekTheme: 'Samen veilig in DH' } });
    const rollback = await registryCall(gateway, 'POST', '/subgraphs/safety-week/rollback', { scopes: PUBLISH, body: { version: 1 } });
    expect(rollback).toMatchObject({ status: 200, body: { status: 'rolled back', version: 1 } });
    expect((await graphql(gateway.url, '{ region(code: "DH") { safetyWeekTheme } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const history = await registryCall(gateway, 'GET', '/subgraphs/safety-week/history', { scopes: [] });
    expect(history.body.versions.map((v: any) => [v.version, v.active, v.author])).toEqual([
      [2, false, 'development-user'],
      [1, true, 'development-user'],
    ]);
    const missing = await registryCall(gateway, 'POST', '/subgraphs/safety-week/rollback', { scopes: PUBLISH, body: { version: 7 } });
    expect(missing).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const unknown = await registryCall(gateway, 'GET', '/subgraphs/nope/history', { scopes: [] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`The registry has no subgraph "nope"; it has ${[...COMMITTED, 'safety-week'].sort().join(', ')}.`);
  });

  it('estimates cost with the cost directives of the newly published supergraph', async () => {
    const query = '{ regions { safetyWeekActivities { name } } }';
    expect((await publish(safetyWeekSdl('events', 'activities'))).status).toBe(200);
    const refused = await graphql(gateway.url, query);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', estimatedCost: 10_010 });
    const { region } = await graphqlOk(gateway.url, '{ region(code: "NN") { safetyWeekActivities { name } } }');
    expect(region.safetyWeekActivities).toEqual([{ name: 'Opening NN' }]);
  });

  it('keeps the previous supergraph, stored and served, when a gateway refuses to load the new one', async () => {
    const served = gateway.registry.current();
    const stop = gateway.registry.onChange(() => {
      throw new Error('refused by a test listener');
    });
    try {
      const { status, body } = await publish(safetyWeekSdl('events', 'theme'));
      expect(status).toBe(500);
      expect(body).toEqual({ code: 'ACTIVATION_FAILED', message: 'The gateway could not load the new supergraph, so it keeps the previous one: refused by a test listener' });
    } finally {
      stop();
    }
    expect(gateway.registry.current()).toBe(served);
    expect((await graphql(gateway.url, '{ region(code: "NN") { safetyWeekTheme } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const history = await registryCall(gateway, 'GET', '/subgraphs/safety-week/history', { scopes: [] });
    expect(history.body.versions.map((v: any) => v.version)).toEqual([3, 2, 1]);
  });

  it('lets a second gateway on the same registry database follow a publish made through the first', async () => {
    const replica = await openRegistry({ database: gateway.database, seedConfigPath: SEED_CONFIG, lastGoodPath: `${gateway.lastGoodPath}.replica` });
    try {
      const seen: string[] = [];
      replica.onChange((sdl) => seen.push(sdl));
      await replica.follow();
      expect(seen).toEqual([]);
      expect((await publish(safetyWeekSdl('events', 'theme'))).body).toMatchObject({ status: 'published', version: 4 });
      await replica.follow();
      expect(seen).toEqual([gateway.registry.current()]);
      expect(replica.current()).toBe(gateway.registry.current());
      expect(readFileSync(`${gateway.lastGoodPath}.replica`, 'utf8')).toBe(gateway.registry.current());
    } finally {
      await replica.close();
    }
  });
});
