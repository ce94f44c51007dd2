import { CLIENT_NAME_HEADER } from '@vo/gateway/registry';
import { authHeaders, graphqlOk } from '@vo/kit/testing';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { closedPortUrl, hubCli as runHubCli, startRegistryGateway, type RegistryGateway } from './support/registry.js';
import { safetyWeekSdl, startSafetyWeek } from './support/safety-week.js';

let hub: Hub;
let gateway: RegistryGateway;
let safetyWeek: Awaited<ReturnType<typeof startSafetyWeek>>;
const folder = mkdtempSync(join(tmpdir(), 'vo-hub-cli-'));
const schemaFile = (name: string, sdl: string) => {
  writeFileSync(join(folder, name), sdl);
  return join(folder, name);
};

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

const hubCli = (args: string[], env: Record<string, string> = {}) => runHubCli(gateway, args, env);

describe('npm run hub -- subgraph (exit 0 pass, 1 fail, 2 could not run)', () => {
  it('checks and publishes a new subgraph with a development token for exactly its scope', async () => {
    const v1 = schemaFile('v1.graphql', safetyWeekSdl('events', 'theme'));
    const check = await hubCli(['check', '--name', 'safety-week', '--schema', v1]);
    expect(check, check.stderr).toMatchObject({ code: 0 });
    expect(check.stdout).toContain(`Check of safety-week at ${gateway.baseUrl}: PASS`);
    expect(check.stderr).toContain('signed a development token for registry:publish:safety-week');

    const publish = await hubCli(['publish', '--name', 'safety-week', '--schema', v1, '--url', safetyWeek.url, '--json']);
    expect(publish.code, publish.stderr).toBe(0);
    expect(JSON.parse(publish.stdout)).toMatchObject({ status: 'published', subgraph: 'safety-week', version: 1 });
    expect(await graphqlOk(gateway.url, '{ region(code: "OB") { safetyWeekEvents } }', undefined, { [CLIENT_NAME_HEADER]: 'ci-test' })).toEqual({
      region: { safetyWeekEvents: 6 },
    });
  });

  it('fails a check that removes a used field (exit 1), and passes one read from the running subgraph with --url', async () => {
    const removed = await hubCli(['check', '--name', 'safety-week', '--schema', schemaFile('v2.graphql', safetyWeekSdl('theme')), '--json']);
    expect(removed.code).toBe(1);
    const result = JSON.parse(removed.stdout);
    expect(result).toMatchObject({ result: 'fail', changes: [{ path: 'Region.safetyWeekEvents', verdict: 'fail', usage: { clients: [{ name: 'ci-test' }] } }] });

    const human = await hubCli(['check', '--name', 'safety-week', '--schema', join(folder, 'v2.graphql')]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('FAIL');
    expect(human.stdout).toMatch(/✗ BREAKING +Region\.safetyWeekEvents/);

    const live = await hubCli(['check', '--name', 'safety-week', '--url', safetyWeek.url]);
    expect(live.code, live.stdout + live.stderr).toBe(0);
    expect(live.stdout).toContain('Region.safetyWeekActivities');
  });

  it('exits 1 when the hub refuses a schema that does not compose, naming the errors', async () => {
    const broken = schemaFile('broken.graphql', safetyWeekSdl('events').replace('code: ID!', 'code: Int!'));
    const publish = await hubCli(['publish', '--name', 'safety-week', '--schema', broken, '--url', safetyWeek.url]);
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('COMPOSITION_FAILED');
    expect(publish.stderr).toMatch(/✗ FIELD_TYPE_MISMATCH .*\n +at .*safety-week:\d+:\d+/);
  });

  it('lists, shows history and rolls back', async () => {
    const list = await hubCli(['list']);
    expect(list.code).toBe(0);
    // The CLI's development token says who published: its subject, hub-cli.
    expect(list.stdout).toMatch(/\n  safety-week +v1 +http:\/\/127\.0\.0\.1:\d+\/graphql +hub-cli, \d{4}-\d\d-\d\d /);
    const v2 = schemaFile('v3.graphql', safetyWeekSdl('events', 'theme', 'activities'));
    expect((await hubCli(['publish', '--name', 'safety-week', '--schema', v2, '--url', safetyWeek.url])).code).toBe(0);
    const rollback = await hubCli(['rollback', '--name', 'safety-week', '--version', '1']);
    expect(rollback).toMatchObject({ code: 0 });
    expect(rollback.stdout).toContain('Rolled safety-week back to v1');
    const history = await hubCli(['history', '--name', 'safety-week']);
    expect(history.code).toBe(0);
    expect(history.stdout.split('\n').slice(1, 3).map((line) => line.slice(0, 4))).toEqual(['  v2', '* v1']);
  });

  it('exits 2 when it could not run: a token for another subgraph, bad arguments, an unreachable hub', async () => {
    const v1 = join(folder, 'v1.graphql');
    const token = (await authHeaders({ scopes: ['registry:publish:kvo'] })).authorization.slice('Bearer '.length);
    const forbidden = await hubCli(['publish', '--name', 'safety-week', '--schema', v1, '--url', safetyWeek.url], { HUB_TOKEN: token });
    expect(forbidden.code).toBe(2);
    expect(forbidden.stderr).toContain('FORBIDDEN: This token may not change "safety-week"');

    const closedHub = await closedPortUrl('');
    const cases: [string[], string][] = [
      [['check', '--schema', v1], "required option '--name <subgraph>' not specified"],
      [['check', '--name', 'safety-week'], 'Give --schema <file> or --url <subgraph url>'],
      [['check', '--name', 'safety-week', '--schema', join(folder, 'missing.graphql')], '--schema: cannot read'],
      [['rollback', '--name', 'safety-week', '--version', 'last'], '--version must be a version number such as 3, not "last"'],
      [['publish', '--name', 'safety-week', '--schema', v1], "required option '--url <routing url>' not specified"],
      [['list', '--hub', closedHub], `Cannot reach the hub at ${closedHub} (ECONNREFUSED)`],
    ];
    const results = await Promise.all(cases.map(([args]) => hubCli(args)));
    expect(results.map((r, i) => [cases[i][0].join(' '), r.code, r.stderr.includes(cases[i][1])])).toEqual(
      cases.map(([args]) => [args.join(' '), 2, true]),
    );
  });
});
