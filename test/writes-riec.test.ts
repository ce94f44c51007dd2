// A RIEC writes through the real gateway (issue 6): a published picture shows for riec:read at once, a withdrawn one
// is gone from every answer and from the ministry's yearly signals, only riec:write with a RIEC's org claim may write,
// and the picture's history says who wrote what, and when.
import { DEVELOPMENT_AUTH, RIEC_READ, signDevelopmentToken } from '@vo/kit';
import { graphql, graphqlOk, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

/** RIEC Midden-Nederland's publishing system, named by its role in the token's subject. */
const SERVICE = 'riec-mn-publication-service';
let hub: Hub;
let writer: Record<string, string>;
let started: string;
beforeAll(async () => {
  started = new Date().toISOString();
  hub = await startHub(['regions', 'riec']);
  const token = await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['riec:write', RIEC_READ], organisation: 'riec-mn', subject: SERVICE });
  writer = { authorization: `Bearer ${token}` };
});
afterAll(() => hub?.close());

const PAYLOAD = 'picture { id region { name } producer { name } signalCount history { at actor organisation action changes { field before after } } } errors { path code message }';
const PUBLISH = `mutation($input: UnderminingPictureInput!) { publishUnderminingPicture(input: $input) { ${PAYLOAD} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawUnderminingPicture(id: $id, reason: $reason) { ${PAYLOAD} } }`;
const ID = 'MN-2026-H2-DRUG_WASTE_DUMPING';
const PICTURE = {
  region: 'MN', period: '2026-H2', theme: 'DRUG_WASTE_DUMPING', classification: 'MODERATE',
  signalsBySource: { police: 9, municipality: 6, publicProsecution: 2, business: 0 }, signalCount: 17,
  summary: 'Drug waste dumped on farmland near the provincial roads; the municipalities report most finds.',
};
const READ = `{ underminingPicture(id: "${ID}") { id signalCount } underminingPictures(region: "MN", period: "2026-H2") { totalCount }
  region(code: "MN") { underminingPictures(period: "2026-H2") { id } underminingSignals(from: 2026, to: 2026) { pictureCount signalCount } } }`;
const SIGNALS = '{ region(code: "MN") { underminingSignals(from: 2026, to: 2026) { pictureCount signalCount } } }';
const signals = async () => (await ROLES.national.client.graphqlOk(hub.url, SIGNALS)).region.underminingSignals[0];

describe('undermining pictures through the gateway', () => {
  it('shows a published picture to riec:read at once, and in the ministry\'s yearly signals', async () => {
    const before = await signals();
    const { publishUnderminingPicture } = await graphqlOk(hub.url, PUBLISH, { input: PICTURE }, writer);
    expect(publishUnderminingPicture).toMatchObject({
      errors: [], picture: { id: ID, region: { name: 'Midden-Nederland' }, producer: { name: 'RIEC Midden-Nederland' }, signalCount: 17 },
    });
    const read = await ROLES.riec.client.graphqlOk(hub.url, READ);
    expect(read.underminingPicture).toEqual({ id: ID, signalCount: 17 });
    expect(read.region.underminingPictures).toEqual([{ id: ID }]);
    expect(await signals()).toEqual({ pictureCount: before.pictureCount + 1, signalCount: before.signalCount + 17 });
  });

  it('refuses anonymous callers, ministry analysts, RIEC readers and another subgraph\'s writers with FORBIDDEN', async () => {
    const callers = { anonymous: { graphql }, national: ROLES.national.client, riecRead: ROLES.riec.client, cyberWriter: withToken({ scopes: ['cyber:write'], organisation: 'riec-mn' }) };
    for (const [name, client] of Object.entries(callers)) {
      for (const [query, variables] of [[PUBLISH, { input: { ...PICTURE, signalCount: 17 } }], [WITHDRAW, { id: ID, reason: 'Test.' }]] as const) {
        const result = await client.graphql(hub.url, query, variables);
        expect({ name, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({ name, codes: ['FORBIDDEN'] });
      }
    }
    expect((await ROLES.riec.client.graphqlOk(hub.url, READ)).underminingPicture).toEqual({ id: ID, signalCount: 17 });
  });

  it('takes a withdrawn picture out of every answer and out of the yearly signals at once', async () => {
    const before = await signals();
    const { withdrawUnderminingPicture } = await graphqlOk(hub.url, WITHDRAW, { id: ID, reason: 'Finds were counted in the wrong half-year.' }, writer);
    expect(withdrawUnderminingPicture.errors).toEqual([]);
    const read = await ROLES.riec.client.graphql<any>(hub.url, READ);
    expect(read.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['underminingPicture'], 'NOT_FOUND']]);
    expect(read.data.underminingPictures.totalCount).toBe(0);
    expect(read.data.region.underminingPictures).toEqual([]);
    expect(await signals()).toEqual({ pictureCount: before.pictureCount - 1, signalCount: before.signalCount - 17 });
  });

  it('keeps the history: who published and withdrew, when, and what changed', async () => {
    const { withdrawUnderminingPicture } = await graphqlOk(hub.url, WITHDRAW, { id: ID, reason: 'Again.' }, writer);
    expect(withdrawUnderminingPicture.errors).toMatchObject([{ path: ['id'], code: 'NOT_FOUND' }]);
    const { publishUnderminingPicture } = await graphqlOk(hub.url, PUBLISH, { input: PICTURE }, writer);
    const [republished, withdrawn, created] = publishUnderminingPicture.picture.history;
    for (const entry of [republished, withdrawn, created]) {
      expect(entry).toMatchObject({ actor: SERVICE, organisation: 'riec-mn' });
      expect(entry.at >= started && entry.at <= new Date().toISOString()).toBe(true);
    }
    expect([republished.action, withdrawn.action, created.action]).toEqual(['updated', 'withdrawn', 'created']);
    expect(withdrawn.changes).toContainEqual({ field: 'withdrawalReason', before: null, after: '"Finds were counted in the wrong half-year."' });
    expect(created.changes).toContainEqual({ field: 'signalCount', before: null, after: '17' });
    expect(republished.changes.map((change: { field: string }) => change.field).sort()).toEqual(['withdrawalReason', 'withdrawnAt']);
  });
});
