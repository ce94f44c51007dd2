// Issue 8: the gateway's response cache is never stale and never crosses roles. For every role, narrow queries each
// reading a known set of subgraphs are answered twice (the second from the cache, no SQL run); then a write to one
// subgraph, through the gateway or around it, turns exactly the answers that read that subgraph into misses, and
// every answer, hit or miss, equals what a gateway without a cache answers at that moment.
import { createGateway, type GatewayOptions } from '@vo/gateway';
import { openRegistry } from '@vo/gateway/registry';
import { closeServer, createLogger, fetchMetricSum, listen, subgraphWrite } from '@vo/kit';
import { authHeaders, graphqlOk, openTestDatabase } from '@vo/kit/testing';
import { sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startHub, SUPERGRAPH_PATH, type Hub, type SubgraphName } from './support/hub.js';
import { captureLog } from './support/observed.js';
import { registryCall, SEED_CONFIG } from './support/registry.js';
import { ROLES, type RoleName } from './support/roles.js';

/** Narrow queries and the subgraphs each one reads. */
const QUERIES: Record<string, { query: string; reads: SubgraphName[] }> = {
  regions: { query: '{ region(code: "NN") { name municipalityCount } }', reads: ['regions'] },
  kvo: { query: '{ certifications(first: 1, region: "NN") { totalCount } }', reads: ['kvo'] },
  funding: { query: '{ grants(first: 1, region: "NN") { totalCount } }', reads: ['funding'] },
  cyber: { query: '{ cyberScans(first: 1) { totalCount } }', reads: ['cyber'] },
  riec: { query: '{ underminingPictures(first: 1) { totalCount } }', reads: ['riec'] },
  spanning: {
    query: '{ region(code: "NN") { name kvo { certifiedBusinessParks } funding { totalCents } cyber { scanCount } } }',
    reads: ['regions', 'kvo', 'funding', 'cyber'],
  },
};
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

const headersOf = async (role: RoleName): Promise<Record<string, string>> => {
  const claims = ROLES[role].claims as { scopes: readonly string[]; organisation?: string } | undefined;
  return claims ? authHeaders({ ...claims, scopes: [...claims.scopes] }) : {};
};

/** One POST; the answer parsed, and how the cache handled it. */
async function ask(url: string, query: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { cache: response.headers.get('x-cache'), status: response.status, body: JSON.parse(await response.text()) };
}

/** A gateway with the response cache over the hub's subgraphs, its clock on `day`. */
async function startCachedGateway(hub: Hub, clock: { day: string }, options: Partial<GatewayOptions> = {}) {
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
    responseCache: { maxBytes: 32 * 1024 * 1024, today: () => clock.day },
    ...options,
  });
  const { server, url } = await listen(gateway.app, 0);
  const versions = gateway.responseCache!.versions;
  // Every stream has sent its first event: the cache can keep answers from now on.
  for (const [name, subgraph] of Object.entries(hub.subgraphs)) {
    await vi.waitFor(() => expect(versions.versionOf(name)).toBe(subgraph.dataVersion.version), { timeout: 10_000 });
  }
  return {
    url: `${url}/graphql`,
    baseUrl: url,
    versions,
    async close() {
      await closeServer(server);
      await gateway.stop();
    },
  };
}

let hub: Hub;
let cached: Awaited<ReturnType<typeof startCachedGateway>>;
const clock = { day: '2026-11-23' };
const tokens = {} as Record<RoleName, Record<string, string>>;

beforeAll(async () => {
  hub = await startHub();
  cached = await startCachedGateway(hub, clock);
  for (const role of ROLE_NAMES) tokens[role] = await headersOf(role);
});
afterAll(async () => {
  await cached?.close();
  await hub?.close();
});

/** Waits until the subgraph has heard of its write and the gateway has heard the subgraph's newest version. */
async function settled(name: SubgraphName, versionBefore: number) {
  const subgraph = hub.subgraphs[name];
  await expect.poll(() => subgraph.dataVersion.version).toBeGreaterThan(versionBefore);
  await expect.poll(() => cached.versions.versionOf(name)).toBe(subgraph.dataVersion.version);
}

/**
 * Asks every query for every role and checks each answer against the uncached gateway; `expected` says which must be
 * misses (the rest must be hits).
 */
async function everyAnswer(expected: (reads: SubgraphName[]) => 'hit' | 'miss') {
  for (const role of ROLE_NAMES) {
    for (const [name, { query, reads }] of Object.entries(QUERIES)) {
      const answer = await ask(cached.url, query, tokens[role]);
      const fresh = await ask(hub.url, query, tokens[role]);
      expect({ role, name, cache: answer.cache }).toEqual({ role, name, cache: expected(reads) });
      expect({ role, name, status: answer.status, body: answer.body }).toEqual({ role, name, status: fresh.status, body: fresh.body });
    }
  }
}

/** Asks everything again: every answer a hit, and not one SQL statement run in any subgraph. */
async function allHitsWithoutSql() {
  const statements = hub.statements();
  for (const role of ROLE_NAMES) {
    for (const [name, { query }] of Object.entries(QUERIES)) {
      expect({ role, name, cache: (await ask(cached.url, query, tokens[role])).cache }).toEqual({ role, name, cache: 'hit' });
    }
  }
  expect(hub.statements()).toBe(statements);
}

const totalCount = async (role: RoleName, query: keyof typeof QUERIES, field: string) =>
  (await ask(cached.url, QUERIES[query].query, tokens[role])).body.data[field].totalCount as number;

describe('the response cache, for every role', () => {
  it('answers each query from its subgraphs once, then from the cache with no SQL run', async () => {
    await everyAnswer(() => 'miss');
    await allHitsWithoutSql();
  });

  it('keeps one answer per access scope: a refused role never gets another role\'s cached data', async () => {
    const national = await ask(cached.url, QUERIES.funding.query, tokens.national);
    const anonymous = await ask(cached.url, QUERIES.funding.query, tokens.anonymous);
    expect([national.cache, anonymous.cache]).toEqual(['hit', 'hit']);
    expect(national.body.data.grants.totalCount).toBeGreaterThan(0);
    expect(anonymous.body.data.grants).toBeNull();
    expect(anonymous.body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['FORBIDDEN']);
    // Another token with the same claims is the same scope: it shares the answers.
    const sameScope = await ask(cached.url, QUERIES.funding.query, await authHeaders({ scopes: [...ROLES.national.claims.scopes], expiresIn: '2h' }));
    expect(sameScope).toEqual(national);
  });

  it('a mutation through the gateway ends exactly the answers that read its subgraph, at once', async () => {
    const before = await totalCount('national', 'funding', 'grants');
    const version = hub.subgraphs.funding.dataVersion.version;
    const input = { funder: 'jenv', recipient: 'NN', purpose: 'cache-test', amountCents: 120_000, periodStart: '2025-04-01', periodEnd: '2025-11-30', kind: 'ONE_OFF', themes: ['CYBER'], description: 'Cache test.' };
    const recorded = await ROLES.funder.client.graphqlOk(cached.url, 'mutation($input: RecordGrantInput!) { recordGrant(input: $input) { errors { code } } }', { input });
    expect(recorded.recordGrant.errors).toEqual([]);
    // Read-your-writes: the very next read misses, before the subgraph's notification need arrive. (A query of its own,
    // as its answer is stored again before or after that notification: everyAnswer below must not depend on which.)
    expect(await ask(cached.url, '{ grants(first: 2, region: "NN") { totalCount } }', tokens.national)).toMatchObject({ cache: 'miss', body: { data: { grants: { totalCount: before + 1 } } } });
    await settled('funding', version);
    await everyAnswer((reads) => (reads.includes('funding') ? 'miss' : 'hit'));
    await allHitsWithoutSql();
  });

  it('a CSV import posted straight to a subgraph ends exactly the answers that read it, once its notification arrives', async () => {
    const before = await totalCount('anonymous', 'kvo', 'certifications');
    const version = hub.subgraphs.kvo.dataVersion.version;
    const park = (await graphqlOk(hub.url, '{ sites(region: "NN", kind: BUSINESS_PARK, first: 1) { nodes { id } } }')).sites.nodes[0].id;
    const response = await fetch(hub.subgraphs.kvo.url.replace(/\/graphql$/, '/import'), {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-file-name': 'cache-test.csv', ...(await authHeaders({ scopes: [subgraphWrite('kvo')], organisation: 'ccv' })) },
      body: `Locatie;Keurmerk;Gecertificeerd op;Geldig tot;Soort;Vorig certificaat;Thema’s\r\n${park};KVO-B;2026-01-10;;eerste;;inbraak\r\n`,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    await settled('kvo', version);
    await everyAnswer((reads) => (reads.includes('kvo') ? 'miss' : 'hit'));
    expect(await totalCount('anonymous', 'kvo', 'certifications')).toBe(before + 1);
    await allHitsWithoutSql();
  });

  it('SQL run on a subgraph\'s database ends exactly the answers that read it', async () => {
    const version = hub.subgraphs.regions.dataVersion.version;
    await hub.subgraphs.regions.database.db.execute(sql`update regions.region set name = name || ' (bijgewerkt)' where code = 'NN'`);
    await settled('regions', version);
    await everyAnswer((reads) => (reads.includes('regions') ? 'miss' : 'hit'));
    expect((await ask(cached.url, QUERIES.regions.query, tokens.national)).body.data.region.name).toMatch(/\(bijgewerkt\)$/);
    await allHitsWithoutSql();
  });

  it('scans submitted through the gateway end the cyber answers, and riec\'s own writes only the riec answers', async () => {
    const scans = [1, 2, 3].map((n) => ({
      instrument: 'PENTEST', scannedOn: '2025-09-15', municipality: 'GM0014', sector: 'HOSPITALITY', sizeClass: 'MICRO', companyRef: `C-cace0${n}`,
      governance: 40, awareness: 45, accessControl: 50, softwareUpdates: 55, backups: 60, incidentResponse: 65,
    }));
    const before = await totalCount('scanOwner', 'cyber', 'cyberScans');
    const version = hub.subgraphs.cyber.dataVersion.version;
    const submitted = await ROLES.scanSubmitter.client.graphqlOk(cached.url, 'mutation($scans: [ScanInput!]!) { submitScanResults(scans: $scans) { written errors { path code } } }', { scans });
    expect(submitted.submitScanResults).toEqual({ written: 3, errors: [] });
    await settled('cyber', version);
    await everyAnswer((reads) => (reads.includes('cyber') ? 'miss' : 'hit'));
    expect(await totalCount('scanOwner', 'cyber', 'cyberScans')).toBe(before + 3);
    const riecVersion = hub.subgraphs.riec.dataVersion.version;
    await hub.subgraphs.riec.database.db.execute(sql`update riec.picture set summary = summary where id = (select min(id) from riec.picture)`);
    await settled('riec', riecVersion);
    await everyAnswer((reads) => (reads.includes('riec') ? 'miss' : 'hit'));
    await allHitsWithoutSql();
  });

  it('keys answers by the Dutch date: at midnight every answer is asked again, with no write', async () => {
    clock.day = '2026-11-24';
    await everyAnswer(() => 'miss');
    await allHitsWithoutSql();
  });
});

describe('the front door (hits answered before express)', () => {
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a body that is not JSON exactly as the gateway without a cache does', async () => {
    const [front, plain] = await Promise.all([post(cached.url, '{"query": '), post(hub.url, '{"query": ')]);
    expect(front.status).toBe(400);
    expect(await front.json()).toEqual(await plain.json());
  });

  it('leaves a body over the limit to express, which refuses it as before', async () => {
    const huge = JSON.stringify({ query: `{ __typename }${' '.repeat(1_100_000)}` });
    const [front, plain] = await Promise.all([post(cached.url, huge), post(hub.url, huge)]);
    expect(front.status).toBe(413);
    expect(await front.json()).toEqual(await plain.json());
  });

  it('logs each hit with its request id and sends the id back', async () => {
    const log = captureLog();
    const gateway = await startCachedGateway(hub, clock, { logger: createLogger('gateway', { level: 'info', destination: log.destination }) });
    try {
      const body = JSON.stringify({ query: QUERIES.regions.query, operationName: null });
      expect((await post(gateway.url, body)).headers.get('x-cache')).toBe('miss');
      const hit = await post(gateway.url, body, { 'x-request-id': 'dashboard-42' });
      expect(hit.headers.get('x-cache')).toBe('hit');
      expect(hit.headers.get('x-request-id')).toBe('dashboard-42');
      expect(log.lines).toContainEqual(expect.objectContaining({ requestId: 'dashboard-42', path: '/graphql', status: 200, cache: 'hit' }));
    } finally {
      await gateway.close();
    }
  });
});

describe('the cache on /metrics', () => {
  it('reports the bytes it holds, counted against its bound', async () => {
    const gateway = await startCachedGateway(hub, clock);
    const held = () => fetchMetricSum(gateway.baseUrl, 'vo_response_cache_bytes', { service: 'gateway' });
    try {
      expect(await held()).toBe(0);
      const answer = await fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERIES.regions.query }) });
      const bytes = (await answer.arrayBuffer()).byteLength;
      expect(await held()).toBeGreaterThan(bytes);
    } finally {
      await gateway.close();
    }
  });
});

describe('a schema publish through the registry', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let gateway: Awaited<ReturnType<typeof startCachedGateway>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url]));
    const lastGoodPath = join(mkdtempSync(join(tmpdir(), 'vo-cache-registry-')), 'last-good.graphql');
    const registry = await openRegistry({ database, seedConfigPath: SEED_CONFIG, lastGoodPath, subgraphUrls, usageFlushMs: 3_600_000 });
    gateway = await startCachedGateway(hub, clock, { registry });
    return async () => {
      await gateway.close();
      await registry.close();
      await database.close();
    };
  });

  it('ends every cached answer: none planned on the old supergraph is served', async () => {
    // The registry's gateway keeps its own answers: a first ask misses there.
    const query = QUERIES.regions.query;
    expect((await ask(gateway.url, query, {})).cache).toBe('miss');
    expect((await ask(gateway.url, query, {})).cache).toBe('hit');
    const sdl = readFileSync(new URL('../subgraphs/kvo/src/schema.graphql', import.meta.url), 'utf8').replace('"""', '"""Published again. ');
    const published = await registryCall(gateway, 'POST', '/subgraphs/kvo/publish', { scopes: ['registry:publish:kvo'], body: { sdl, url: hub.subgraphs.kvo.url } });
    expect(published.body).toMatchObject({ status: 'published', subgraph: 'kvo' });
    expect((await ask(gateway.url, query, {})).cache).toBe('miss');
    expect((await ask(gateway.url, query, {})).cache).toBe('hit');
  });
});

describe('a subgraph whose data-version stream is down', () => {
  it('serves nothing from the cache that reads a subgraph whose stream is down, and keeps serving the rest', async () => {
    await hub.subgraphs.riec.dataVersion.stop();
    await expect.poll(() => cached.versions.snapshot().has('riec')).toBe(false);
    for (let round = 0; round < 2; round++) {
      const statements = hub.subgraphs.riec.database.statements.count;
      expect((await ask(cached.url, QUERIES.riec.query, tokens.riec)).cache).toBe('miss');
      expect(hub.subgraphs.riec.database.statements.count).toBeGreaterThan(statements);
    }
    expect((await ask(cached.url, QUERIES.regions.query, tokens.riec)).cache).toBe('hit');
  });
});
