// A RIEC publishes and withdraws its pictures through the mutations: all or nothing, audited, idempotent, and a
// withdrawn picture gone from every answer at once. Asked of the subgraph directly with real tokens.
import { RIEC_READ } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { riecSubgraph } from '../src/subgraph.js';
import { schemaChecksum } from '@vo/kit/import';

const riecNN = withToken({ scopes: ['riec:write', RIEC_READ], organisation: 'riec-nn' });
let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(riecSubgraph);
});
afterAll(() => subgraph?.close());

const PAYLOAD = 'picture { id signalCount classification synthetic producer { id } history { actor organisation action changes { field before after } } } errors { path code message }';
const PUBLISH = `mutation($input: UnderminingPictureInput!) { publishUnderminingPicture(input: $input) { ${PAYLOAD} } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawUnderminingPicture(id: $id, reason: $reason) { ${PAYLOAD} } }`;
const ID = 'NN-2026-H2-MOBILE_BANDITRY';
const PICTURE = {
  region: 'NN', period: '2026-H2', theme: 'MOBILE_BANDITRY', classification: 'SERIOUS',
  signalsBySource: { police: 20, municipality: 10, publicProsecution: 5, business: 5 }, signalCount: 40,
  summary: 'Travelling groups target business parks along the motorways; more signals than in the first half-year.',
};
/** Every table of the riec schema: equal before and after means nothing changed. */
const tables = () => schemaChecksum(subgraph.database.db, 'riec');
const everyAnswer = () =>
  riecNN.graphql(subgraph.url, `{ underminingPicture(id: "${ID}") { id } underminingPictures(region: "NN", period: "2026-H2", first: 10) { totalCount }
    _entities(representations: [{__typename: "Region", code: "NN"}]) { ... on Region { underminingPictures(period: "2026-H2") { id } underminingSignals(from: 2026, to: 2026) { pictureCount signalCount } } } }`);

describe('publishing and withdrawing pictures', () => {
  it('refuses a picture that breaks a rule, with its path and code, and writes nothing', async () => {
    const before = await tables();
    const bad = { ...PICTURE, region: 'DH', signalCount: 41, summary: 'Reported by info@example.nl.' };
    const { publishUnderminingPicture } = await riecNN.graphqlOk(subgraph.url, PUBLISH, { input: bad });
    expect(publishUnderminingPicture.picture).toBeNull();
    expect(publishUnderminingPicture.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['input.region', 'CONFLICT'], ['input.signalCount', 'INVALID'], ['input.summary', 'INVALID'],
    ]);
    expect(await tables()).toEqual(before);
  });

  it('publishes a picture that riec:read sees at once, audited, and writes nothing when it is sent again unchanged', async () => {
    const { publishUnderminingPicture } = await riecNN.graphqlOk(subgraph.url, PUBLISH, { input: PICTURE });
    expect(publishUnderminingPicture).toMatchObject({ errors: [], picture: { id: ID, signalCount: 40, synthetic: false, producer: { id: 'riec-nn' } } });
    expect(publishUnderminingPicture.picture.history).toMatchObject([{ organisation: 'riec-nn', action: 'created' }]);
    const seen = await everyAnswer();
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.underminingPicture).toEqual({ id: ID });
    const before = await tables();
    const again = await riecNN.graphqlOk(subgraph.url, PUBLISH, { input: PICTURE });
    expect(again.publishUnderminingPicture.picture.history).toHaveLength(1);
    expect(await tables()).toEqual(before);
  });

  it('corrects a published picture, auditing only the changed fields', async () => {
    const input = { ...PICTURE, classification: 'SEVERE', signalsBySource: { ...PICTURE.signalsBySource, police: 30 }, signalCount: 50 };
    const { publishUnderminingPicture } = await riecNN.graphqlOk(subgraph.url, PUBLISH, { input });
    const [latest] = publishUnderminingPicture.picture.history;
    expect(latest.action).toBe('updated');
    expect(latest.changes.map((c: { field: string }) => c.field).sort()).toEqual(['classification', 'policeSignals', 'signalCount']);
  });

  it('withdraws a picture: gone from every answer and from the yearly signals at once, its history kept', async () => {
    const before = (await everyAnswer()).data as any;
    const { withdrawUnderminingPicture } = await riecNN.graphqlOk(subgraph.url, WITHDRAW, { id: ID, reason: 'Signals were counted twice.' });
    expect(withdrawUnderminingPicture.errors).toEqual([]);
    expect(withdrawUnderminingPicture.picture.history.map((entry: { action: string }) => entry.action)).toEqual(['withdrawn', 'updated', 'created']);
    expect(withdrawUnderminingPicture.picture.history[0].changes).toContainEqual({ field: 'withdrawalReason', before: null, after: '"Signals were counted twice."' });
    const after = await everyAnswer();
    expect(after.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['underminingPicture'], 'NOT_FOUND']]);
    expect(after.data?.underminingPictures).toEqual({ totalCount: before.underminingPictures.totalCount - 1 });
    const [region] = (after.data as any)._entities;
    expect(region.underminingPictures.map((p: { id: string }) => p.id)).not.toContain(ID);
    expect(region.underminingSignals[0]).toEqual({ pictureCount: before._entities[0].underminingSignals[0].pictureCount - 1,
      signalCount: before._entities[0].underminingSignals[0].signalCount - 50 });
    const again = await riecNN.graphqlOk(subgraph.url, WITHDRAW, { id: ID, reason: 'Again.' });
    expect(again.withdrawUnderminingPicture.errors).toMatchObject([{ path: ['id'], code: 'NOT_FOUND' }]);
  });

  it('keeps every correction and withdrawal when the seed runs again', async () => {
    const correction = { ...PICTURE, period: '2024-H1', theme: 'DRUG_LABS', summary: 'Corrected by the RIEC.' };
    expect((await riecNN.graphqlOk(subgraph.url, PUBLISH, { input: correction })).publishUnderminingPicture.errors).toEqual([]);
    const before = await tables();
    await riecSubgraph.seed(subgraph.database.db);
    expect(await tables()).toEqual(before);
  });

  it("refuses to withdraw another RIEC's picture, or without a reason, writing nothing", async () => {
    const before = await tables();
    const other = await riecNN.graphqlOk(subgraph.url, WITHDRAW, { id: 'DH-2024-H1-DRUG_LABS', reason: 'Not ours.' });
    expect(other.withdrawUnderminingPicture.errors).toMatchObject([{ path: ['id'], code: 'CONFLICT' }]);
    const empty = await riecNN.graphqlOk(subgraph.url, WITHDRAW, { id: 'NN-2024-H1-DRUG_LABS', reason: ' ' });
    expect(empty.withdrawUnderminingPicture.errors).toMatchObject([{ path: ['reason'], code: 'REQUIRED' }]);
    expect(await tables()).toEqual(before);
  });

  it("needs riec:write and a RIEC's org claim; the history needs riec:write", async () => {
    const cases: [Parameters<typeof withToken>[0], RegExp][] = [
      [{ scopes: [RIEC_READ], organisation: 'riec-nn' }, /needs the scope riec:write/],
      [{ scopes: ['cyber:write'], organisation: 'riec-nn' }, /needs the scope riec:write/],
      [{ scopes: ['riec:write'] }, /org claim naming the RIEC/],
      [{ scopes: ['riec:write'], organisation: 'dtc' }, /"dtc" is not a RIEC/],
    ];
    const before = await tables();
    for (const [claims, message] of cases) {
      const result = await withToken(claims).graphql(subgraph.url, WITHDRAW, { id: 'NN-2024-H1-DRUG_LABS', reason: 'Test.' });
      expect(result.errors?.[0], JSON.stringify(claims)).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(message) });
    }
    expect(await tables()).toEqual(before);
    const reader = await withToken({ scopes: [RIEC_READ] }).graphql(subgraph.url, '{ underminingPicture(id: "NN-2024-H1-DRUG_LABS") { id history { action } } }');
    expect(reader.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, path: ['underminingPicture', 'history'] });
  });
});
