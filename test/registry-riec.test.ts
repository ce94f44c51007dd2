// Issue 5, first acceptance criterion, literally: the hub runs four subgraphs (regions, kvo, funding, cyber); the
// RIEC deploys its real subgraph and publishes it with the hub CLI while a client keeps querying; the same gateway
// process then serves five subgraphs, with no restart and no failed request. The registry starts from the committed
// schema/supergraph.yaml minus riec, as a hub did before the RIEC joined.
import { createLogger, registryPublish, DEVELOPMENT_AUTH, signDevelopmentToken } from '@vo/kit';
import { graphql, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../scripts/services.js';
import { startHub, type Hub } from './support/hub.js';
import { captureLog } from './support/observed.js';
import { openRegistry } from '@vo/gateway/registry';
import { committedSetWithout, hubCli, SEED_CONFIG, registryCall, startClientLoad, startRegistryGateway, type RegistryGateway } from './support/registry.js';
import { asNational, ROLES } from './support/roles.js';

const FOUR = ['cyber', 'funding', 'kvo', 'regions'];
const SCHEMA_FILE = 'subgraphs/riec/src/schema.graphql';
const RIEC_SDL = readFileSync(fileURLToPath(new URL(`../${SCHEMA_FILE}`, import.meta.url)), 'utf8');

/** What the client keeps asking: one region from each of the four original subgraphs, open to anonymous callers. */
const FOUR_SUBGRAPHS = `{ region(code: "NN") { name municipalityCount kvo(asOf: "2026-11-22") { certifiedBusinessParks businessParks }
  funding { perYear(from: 2024, to: 2025) { year totalCents } } cyber { scanCount averageScore } } }`;
/** The same, with the RIEC's pictures of the region: riec:read only. */
const FIVE_SUBGRAPHS = FOUR_SUBGRAPHS.replace(
  'cyber { scanCount averageScore }',
  'cyber { scanCount averageScore } underminingPictures(period: "2024-H1") { id period theme classification signalCount synthetic }',
);
/** The API schema the gateway serves, as a client sees it. */
const SERVED_SCHEMA = '{ __schema { types { name fields { name args { name } } } } }';

let hub: Hub;
let riec: Awaited<ReturnType<typeof startTestSubgraph>>;
let gateway: RegistryGateway;
/** The four subgraphs' answer before anything was published: every later answer must be exactly this. */
let fourAnswer: Record<string, any>;

beforeAll(async () => {
  [hub, riec] = await Promise.all([startHub(['regions', 'kvo', 'funding', 'cyber']), startTestSubgraph(await loadDefinition('riec'))]);
  gateway = await startRegistryGateway(hub, { seedConfigPath: committedSetWithout('riec') });
  fourAnswer = await graphqlOk(gateway.url, FOUR_SUBGRAPHS);
});
afterAll(async () => {
  await gateway?.close();
  await riec?.close();
  await hub?.close();
});

const token = (scope: string) => signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: [scope], subject: 'riec-ci' });
const servedSubgraphs = async () => (await registryCall(gateway, 'GET', '/subgraphs', { scopes: [] })).body;
const servedSchema = () => graphqlOk(gateway.url, SERVED_SCHEMA);

describe('the RIEC joins a running hub through the registry (issue 5)', () => {
  it('starts with four subgraphs, and a token for another subgraph cannot publish riec', async () => {
    const before = await servedSubgraphs();
    expect(before.subgraphs.map((s: any) => s.subgraph).sort()).toEqual(FOUR);
    const unknown = await graphql(gateway.url, '{ region(code: "NN") { underminingPictures { id } } }');
    expect(unknown.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const schema = await servedSchema();

    const refused = await hubCli(gateway, ['publish', '--name', 'riec', '--schema', SCHEMA_FILE, '--url', riec.url], {
      HUB_TOKEN: await token(registryPublish('kvo')),
    });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain(
      'FORBIDDEN: This token may not change "riec" (it has registry:publish:kvo): it needs the scope registry:publish:riec.',
    );
    expect(await servedSubgraphs()).toEqual(before);
    expect(await servedSchema()).toEqual(schema);
  });

  it('publishes riec with the CLI while a client keeps querying: five subgraphs serving, no restart, no failed request', async () => {
    const gatewayUrl = gateway.url;
    const supergraphBefore = (await servedSubgraphs()).supergraph.id;
    const client = startClientLoad(gatewayUrl, FOUR_SUBGRAPHS, (data) => JSON.stringify(data) === JSON.stringify(fourAnswer));
    // The moment the gateway switches supergraphs: how many of the client's requests were on their way then.
    let atSwitch: { inFlight: number; answered: number } | undefined;
    const stopWatching = gateway.registry.onChange(() => (atSwitch = { inFlight: client.inFlight(), answered: client.counts.answered }));
    const answeredAtStart = client.counts.answered;
    let answeredAtExit = 0;
    const published = hubCli(gateway, ['publish', '--name', 'riec', '--schema', SCHEMA_FILE, '--url', riec.url, '--json'], {
      HUB_TOKEN: await token(registryPublish('riec')),
    }).then((result) => {
      answeredAtExit = client.counts.answered;
      return result;
    });
    const { requests, failures } = await client.stopAfter(published);
    stopWatching();
    const cli = await published;
    console.log(
      `riec publish: ${requests} requests, ${failures.length} failed; ${answeredAtExit - answeredAtStart} answered while the CLI ran, ` +
        `${atSwitch?.inFlight} in flight when the gateway switched, ${requests - (atSwitch?.answered ?? requests)} answered after`,
    );

    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ status: 'published', subgraph: 'riec', version: 1, supergraph: { id: supergraphBefore + 1 } });
    expect(failures).toEqual([]);
    expect(answeredAtExit - answeredAtStart).toBeGreaterThan(0);
    expect(atSwitch, 'the gateway never switched').toBeDefined();
    expect(atSwitch!.inFlight).toBeGreaterThan(0);
    expect(requests - atSwitch!.answered).toBeGreaterThan(0);

    // Five subgraphs, riec at the URL it published and by the token's subject; the four as they were seeded.
    const after = await servedSubgraphs();
    expect(after.supergraph.id).toBe(supergraphBefore + 1);
    expect(after.subgraphs.map((s: any) => [s.subgraph, s.version, s.author]).sort()).toEqual(
      [...FOUR.map((name) => [name, 1, 'schema/supergraph.yaml']), ['riec', 1, 'riec-ci']].sort(),
    );
    expect(after.subgraphs.find((s: any) => s.subgraph === 'riec').routingUrl).toBe(riec.url);

    // The same gateway process, at the same address: a RIEC analyst gets the pictures, which are the subgraph's own,
    // and the four original subgraphs in the same answer.
    expect(gateway.url).toBe(gatewayUrl);
    const { region } = await ROLES.riec.client.graphqlOk(gateway.url, FIVE_SUBGRAPHS);
    const { underminingPictures, ...four } = region;
    expect({ region: four }).toEqual(fourAnswer);
    expect(underminingPictures.length).toBeGreaterThan(0);
    expect(underminingPictures.every((p: any) => p.id.startsWith('NN-2024-H1-') && p.period === '2024-H1' && p.synthetic)).toBe(true);
    const direct = await ROLES.riec.client.graphqlOk(
      riec.url,
      '{ _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingPictures(period: "2024-H1") { id period theme classification signalCount synthetic } } } }',
    );
    expect(underminingPictures).toEqual(direct._entities[0].underminingPictures);

    // Anonymous: the pictures are refused, the rest of the answer arrives.
    const anonymous = await ROLES.anonymous.client.graphql<{ region: any }>(gateway.url, FIVE_SUBGRAPHS);
    expect(anonymous.status).toBe(200);
    expect(anonymous.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', ['region', 'underminingPictures']]]);
    expect(anonymous.errors?.[0].message).toBe('This field needs the scope riec:read.');
    expect(anonymous.data).toEqual({ region: { ...fourAnswer.region, underminingPictures: null } });
  });

  it('refuses a change to riec with a token for another subgraph, and serves the same schema after', async () => {
    const before = await servedSubgraphs();
    const schema = await servedSchema();
    // Accepted, this would take Region.underminingSignals out of the graph.
    const withoutSignals = RIEC_SDL.replace(/\n {2}"Signals per calendar year[^\n]*\n {2}underminingSignals\([\s\S]*?\): \[UnderminingSignalYear!\][^\n]*/, '');
    expect(withoutSignals).not.toContain('underminingSignals(');
    const check = await registryCall(gateway, 'POST', '/subgraphs/riec/check', { scopes: [registryPublish('riec')], body: { sdl: withoutSignals } });
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.changes.map((change: any) => change.path)).toEqual(['Region.underminingSignals']);
    for (const scope of [registryPublish('kvo'), registryPublish('regions')]) {
      const refused = await registryCall(gateway, 'POST', '/subgraphs/riec/publish', { scopes: [scope], body: { sdl: withoutSignals, url: riec.url } });
      expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(refused.body.message).toContain('it needs the scope registry:publish:riec');
    }
    expect(await servedSubgraphs()).toEqual(before);
    expect(await servedSchema()).toEqual(schema);
    const history = await registryCall(gateway, 'GET', '/subgraphs/riec/history', { scopes: [] });
    expect(history.body.versions.map((v: any) => v.version)).toEqual([1]);
    const { region } = await asNational.graphqlOk(gateway.url, '{ region(code: "NN") { underminingSignals(from: 2024, to: 2024) { year signalCount } } }');
    expect(region.underminingSignals).toEqual([{ year: 2024, signalCount: expect.any(Number) }]);
  });

  it('keeps the published riec when the hub restarts with a committed set that names riec at another URL', async () => {
    const before = await servedSubgraphs();
    // The committed schema/supergraph.yaml has riec at localhost:4005; the partner published it at its own address.
    expect(before.subgraphs.find((s: any) => s.subgraph === 'riec').routingUrl).not.toBe('http://localhost:4005/graphql');
    const log = captureLog();
    const logger = createLogger('gateway', { level: 'info', destination: log.destination });
    const restarted = await openRegistry({ database: gateway.database, seedConfigPath: SEED_CONFIG, lastGoodPath: `${gateway.lastGoodPath}.restart`, logger });
    try {
      expect(restarted.current()).toBe(gateway.registry.current());
      expect(log.lines.map((line) => [line.level, line.msg])).toEqual([
        ['warn', `registry: keeps riec v1 published by riec-ci; schema/supergraph.yaml's copy is not brought in`],
      ]);
    } finally {
      await restarted.close();
    }
    expect(await servedSubgraphs()).toEqual(before);
    const history = await registryCall(gateway, 'GET', '/subgraphs/riec/history', { scopes: [] });
    expect(history.body.versions.map((v: any) => [v.version, v.author])).toEqual([[1, 'riec-ci']]);
  });
});
