import { CLIENT_NAME_HEADER } from '@vo/gateway/registry';
import { graphqlOk } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { registryCall, startRegistryGateway, type RegistryGateway } from './support/registry.js';
import { safetyWeekSdl, startSafetyWeek } from './support/safety-week.js';

const PUBLISH = ['registry:publish:safety-week'];
let hub: Hub;
let gateway: RegistryGateway;
let safetyWeek: Awaited<ReturnType<typeof startSafetyWeek>>;

beforeAll(async () => {
  hub = await startHub();
  gateway = await startRegistryGateway(hub);
  safetyWeek = await startSafetyWeek();
  const published = await registryCall(gateway, 'POST', '/subgraphs/safety-week/publish', {
    scopes: PUBLISH,
    body: { sdl: safetyWeekSdl('events', 'theme'), url: safetyWeek.url },
  });
  if (published.status !== 200) throw new Error(JSON.stringify(published.body));
  // Operations that use safetyWeekEvents (never safetyWeekTheme): three from a dashboard, one from a client without a name.
  for (let i = 0; i < 3; i++) {
    await graphqlOk(gateway.url, '{ region(code: "NN") { safetyWeekEvents } }', undefined, { [CLIENT_NAME_HEADER]: 'dashboard-nn' });
  }
  await graphqlOk(gateway.url, 'query Events($code: ID!) { region(code: $code) { name safetyWeekEvents } }', { code: 'LB' });
});
afterAll(async () => {
  await gateway?.close();
  await safetyWeek?.close();
  await hub?.close();
});

const check = (sdl: string) => registryCall(gateway, 'POST', '/subgraphs/safety-week/check', { scopes: PUBLISH, body: { sdl } });

describe('check judges changes against the operations clients ran', () => {
  it('fails removing a field operations used, naming the clients and how often', async () => {
    const { status, body } = await check(safetyWeekSdl('theme'));
    expect(status).toBe(200);
    expect(body.result).toBe('fail');
    expect(body.changes).toHaveLength(1);
    expect(body.changes[0]).toMatchObject({
      criticality: 'BREAKING',
      type: 'FIELD_REMOVED',
      path: 'Region.safetyWeekEvents',
      verdict: 'fail',
      usage: { operations: 4, clients: [{ name: 'dashboard-nn', operations: 3 }, { name: 'unknown', operations: 1 }] },
    });
    expect(body.changes[0].reason).toContain('4 operations used it in the last 30 days, by dashboard-nn (3), unknown (1)');
  });

  it('passes adding a field', async () => {
    const { body } = await check(safetyWeekSdl('events', 'theme', 'activities'));
    expect(body.result).toBe('pass');
    expect(body.changes).toContainEqual(expect.objectContaining({ type: 'FIELD_ADDED', path: 'Region.safetyWeekActivities', verdict: 'pass' }));
    expect(body.changes.every((c: any) => c.criticality === 'SAFE' && c.verdict === 'pass')).toBe(true);
  });

  it('passes removing a field no operation used, with a warning', async () => {
    const { body } = await check(safetyWeekSdl('events'));
    expect(body.result).toBe('pass');
    expect(body.changes).toEqual([
      expect.objectContaining({ criticality: 'BREAKING', path: 'Region.safetyWeekTheme', verdict: 'warn', usage: { operations: 0, clients: [] } }),
    ]);
    expect(body.summary).toBe('1 change(s): 1 with a warning, none breaks an operation clients used in the last 30 days.');
  });

  it('fails a schema that does not compose, with the composition errors, and changes nothing', async () => {
    const served = gateway.registry.current();
    const { body } = await check(safetyWeekSdl('events').replace('code: ID!', 'code: Int!'));
    expect(body.result).toBe('fail');
    expect(body.compositionErrors.map((e: any) => e.code)).toContain('FIELD_TYPE_MISMATCH');
    expect(body.compositionErrors[0].locations.length).toBeGreaterThan(0);
    expect(gateway.registry.current()).toBe(served);
  });

  it('stores the counts per day, coordinate and client in registry.field_usage', async () => {
    const usage = await gateway.registry.usage.inWindow();
    const events = usage.filter((row) => row.coordinate === 'Region.safetyWeekEvents').map((row) => [row.clientName, row.count]);
    expect(events.sort()).toEqual([['dashboard-nn', 3], ['unknown', 1]]);
    expect(usage.some((row) => row.coordinate === 'Query.region.code' && row.clientName === 'unknown')).toBe(true);
    expect(usage.some((row) => row.coordinate.startsWith('Region.safetyWeekTheme'))).toBe(false);
  });
});
