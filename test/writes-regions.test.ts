// Issue 6 for the regions subgraph, through the real gateway: the PVO network updates a platform's facts, the next
// request shows them (the dashboards' PVO profiles), the audit names the token's subject and organisation, and only
// the network may write or read the history.
import { NATIONAL_READ, subgraphWrite } from '@vo/kit';
import { withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

const NETWORK_CLAIMS = { scopes: [subgraphWrite('regions')], organisation: 'ccv', subject: 'pvo-network-secretariat' };
const network = withToken(NETWORK_CLAIMS);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub(['regions', 'funding']);
});
afterAll(() => hub?.close());

const PROFILE = '{ region(code: "ZWB") { name pvo { name legalForm themes managerFte website partners { id name } } } }';
const UPDATE = `mutation($input: UpdatePvoInput!) { updatePvo(region: "ZWB", input: $input) {
  pvo { legalForm history { actor organisation action changes { field before after } } } errors { path code } } }`;

describe('PVO writes through the gateway', () => {
  it('shows updated facts in the next request, keeps the region\'s name, and audits who changed what', async () => {
    const before = (await ROLES.anonymous.client.graphqlOk(hub.url, PROFILE)).region;
    const input = { legalForm: 'FOUNDATION', themes: ['UNDERMINING', 'CYBER'], managerFte: 0.6, partners: [...before.pvo.partners.map((p: { id: string }) => p.id), 'mkb-nederland'] };
    const { updatePvo } = await network.graphqlOk(hub.url, UPDATE, { input });
    expect(updatePvo.errors).toEqual([]);
    expect(updatePvo.pvo.history[0]).toMatchObject({ actor: 'pvo-network-secretariat', organisation: 'ccv', action: 'updated' });
    expect(updatePvo.pvo.history[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(['legalForm', 'managerFte', 'partners', 'themes']);
    const after = (await ROLES.anonymous.client.graphqlOk(hub.url, PROFILE)).region;
    expect(after).toEqual({
      ...before,
      pvo: { ...before.pvo, legalForm: 'FOUNDATION', themes: ['UNDERMINING', 'CYBER'], managerFte: 0.6, partners: expect.arrayContaining(before.pvo.partners) },
    });
    expect(after.pvo.partners.map((p: { id: string }) => p.id)).toContain('mkb-nederland');
  });

  it('refuses anonymous callers, ministry analysts and another subgraph\'s writers with FORBIDDEN, writing nothing', async () => {
    const unchanged = await ROLES.anonymous.client.graphqlOk(hub.url, PROFILE);
    const callers = { anonymous: ROLES.anonymous.client, national: withToken({ scopes: [NATIONAL_READ] }), fundingWriter: withToken({ scopes: [subgraphWrite('funding')] }) };
    for (const [name, client] of Object.entries(callers)) {
      const result = await client.graphql(hub.url, UPDATE, { input: { managerFte: 1 } });
      expect(result.errors?.map((e) => e.extensions?.code), name).toEqual(['FORBIDDEN']);
      const history = await client.graphql(hub.url, '{ region(code: "ZWB") { pvo { history { at } } } }');
      expect(history.errors?.map((e) => e.extensions?.code), name).toEqual(['FORBIDDEN']);
    }
    expect(await ROLES.anonymous.client.graphqlOk(hub.url, PROFILE)).toEqual(unchanged);
  });
});
