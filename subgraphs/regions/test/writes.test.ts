import { NATIONAL_READ, subgraphWrite } from '@vo/kit';
import { graphql as anonymous, startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsSubgraph } from '../src/subgraph.js';
import { schemaChecksum } from '@vo/kit/import';

// The PVO network's secretariat system (a system's subject, never a person's), acting for CCV.
const NETWORK_CLAIMS = { scopes: [subgraphWrite('regions')], organisation: 'ccv', subject: 'pvo-network-secretariat' };
const network = withToken(NETWORK_CLAIMS);

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

const PVO = 'legalForm website themes managerFte ccvAdviserDaysPerWeek startedYear facts partners { id } host { id }';
const HISTORY = 'history { actor organisation action changes { field before after } }';
const UPDATE = `mutation($region: ID!, $input: UpdatePvoInput!) { updatePvo(region: $region, input: $input) {
  pvo { ${PVO} ${HISTORY} } errors { path code message } } }`;

/** Every table of the regions schema: equal before and after means the update changed nothing. */
const snapshot = () => schemaChecksum(subgraph.database.db, 'regions');

describe('updatePvo', () => {
  it('changes exactly the given facts; the audit keeps them before and after, with the token\'s subject and organisation', async () => {
    const { region } = await network.graphqlOk(subgraph.url, `{ region(code: "OB") { pvo { ${PVO} } } }`);
    const input = {
      legalForm: 'FOUNDATION', website: 'https://pvo-oostbrabant.nl', managerFte: 0.8, ccvAdviserDaysPerWeek: 2, startedYear: 2021,
      partners: ['ccv', 'province-noord-brabant', 'taskforce-riec-bz'],
    };
    const { updatePvo } = await network.graphqlOk(subgraph.url, UPDATE, { region: 'OB', input });
    expect(updatePvo.errors).toEqual([]);
    const { history, ...after } = updatePvo.pvo;
    expect(after).toEqual({ ...region.pvo, ...input, partners: input.partners.map((id) => ({ id })) });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: 'pvo-network-secretariat', organisation: 'ccv', action: 'updated' });
    expect(history[0].changes.map((c: { field: string }) => c.field).sort()).toEqual(
      ['ccvAdviserDaysPerWeek', 'legalForm', 'managerFte', 'partners', 'startedYear', 'website'],
    );
    expect(history[0].changes).toContainEqual({ field: 'website', before: null, after: '"https://pvo-oostbrabant.nl"' });
    expect(history[0].changes).toContainEqual({ field: 'partners', before: '["ccv","province-noord-brabant"]', after: '["ccv","province-noord-brabant","taskforce-riec-bz"]' });
  });

  it('writes nothing, not even an audit entry, for an update that changes nothing', async () => {
    const { region } = await network.graphqlOk(subgraph.url, '{ region(code: "DH") { pvo { themes website managerFte } } }');
    const before = await snapshot();
    const { updatePvo } = await network.graphqlOk(subgraph.url, UPDATE, { region: 'DH', input: region.pvo });
    expect(updatePvo).toMatchObject({ errors: [], pvo: { ...region.pvo, history: [] } });
    expect(await snapshot()).toEqual(before);
  });

  // Each rule: the input that breaks it, and the field path and code the network gets back.
  it.each([
    ['a website without https://', { website: 'rpcnh.nl' }, ['input', 'website'], 'INVALID'],
    ['a website that is no web address', { website: 'ftp://rpcnh.nl' }, ['input', 'website'], 'INVALID'],
    ['no themes at all', { themes: [] }, ['input', 'themes'], 'REQUIRED'],
    ['a theme listed twice', { themes: ['CYBER', 'CYBER'] }, ['input', 'themes', '1'], 'DUPLICATE'],
    ['a manager of 3 FTE', { managerFte: 3 }, ['input', 'managerFte'], 'OUT_OF_RANGE'],
    ['a manager of 0 FTE', { managerFte: 0 }, ['input', 'managerFte'], 'OUT_OF_RANGE'],
    ['adviser days that are not half days', { ccvAdviserDaysPerWeek: 2.3 }, ['input', 'ccvAdviserDaysPerWeek'], 'INVALID'],
    ['more adviser days than a week has', { ccvAdviserDaysPerWeek: 6 }, ['input', 'ccvAdviserDaysPerWeek'], 'OUT_OF_RANGE'],
    ['an unknown partner', { partners: ['ccv', 'nobody'] }, ['input', 'partners', '1'], 'UNKNOWN_REFERENCE'],
    ['a partner listed twice', { partners: ['ccv', 'om', 'ccv'] }, ['input', 'partners', '2'], 'DUPLICATE'],
    ['an unknown host', { host: 'nobody' }, ['input', 'host'], 'UNKNOWN_REFERENCE'],
    ['a start year before the RPCs', { startedYear: 1850 }, ['input', 'startedYear'], 'OUT_OF_RANGE'],
    ['an empty fact', { facts: ['A cyber congress.', ' '] }, ['input', 'facts', '1'], 'REQUIRED'],
    ['a fact listed twice', { facts: ['A cyber congress.', 'A cyber congress.'] }, ['input', 'facts', '1'], 'DUPLICATE'],
    ['more than 30 facts', { facts: Array.from({ length: 31 }, (_, i) => `Fact ${i}.`) }, ['input', 'facts'], 'OUT_OF_RANGE'],
    ['clearing the manager arrangement', { managerArrangement: null }, ['input', 'managerArrangement'], 'REQUIRED'],
    ['a form description of 301 characters', { formDescription: 'x'.repeat(301) }, ['input', 'formDescription'], 'OUT_OF_RANGE'],
  ])('refuses %s at its field, writing nothing', async (_, input, path, code) => {
    const before = await snapshot();
    const { updatePvo } = await network.graphqlOk(subgraph.url, UPDATE, { region: 'NH', input: { website: 'https://rpcnh.nl/nieuw', ...input } });
    expect(updatePvo).toMatchObject({ pvo: null, errors: [expect.objectContaining({ path, code })] });
    expect(await snapshot()).toEqual(before);
  });

  it('names an unknown region with NOT_FOUND at region, writing nothing', async () => {
    const before = await snapshot();
    const { updatePvo } = await network.graphqlOk(subgraph.url, UPDATE, { region: 'QQ', input: { managerFte: 1 } });
    expect(updatePvo).toEqual({ pvo: null, errors: [expect.objectContaining({ path: ['region'], code: 'NOT_FOUND' })] });
    expect(await snapshot()).toEqual(before);
  });

  it('is for the PVO network only: anonymous callers, analysts and other partners\' systems get FORBIDDEN', async () => {
    const before = await snapshot();
    for (const client of [{ graphql: anonymous }, withToken({ scopes: [NATIONAL_READ] }), withToken({ scopes: [subgraphWrite('funding')] })]) {
      const result = await client.graphql(subgraph.url, UPDATE, { region: 'NN', input: { managerFte: 0.5 } });
      expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: 'This field needs the scope regions:write.' });
      const history = await client.graphql(subgraph.url, '{ region(code: "OB") { pvo { history { at } } } }');
      expect(history.errors?.[0]).toMatchObject({ path: ['region', 'pvo', 'history'], extensions: { code: 'FORBIDDEN' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('reads the history of every asked PVO in one statement, for 2 regions or 10', async () => {
    const cost = async (codes: string[]) => {
      const start = subgraph.database.statements.count;
      await network.graphqlOk(subgraph.url, 'query($codes: [ID!]) { regions(codes: $codes) { pvo { history { action } } } }', { codes });
      return subgraph.database.statements.count - start;
    };
    expect(await cost(['NN', 'OB'])).toBe(await cost(['NN', 'ON', 'MN', 'NH', 'AA', 'DH', 'RR', 'ZWB', 'OB', 'LB']));
  });
});

describe('the seed', () => {
  it('keeps what the network wrote: a second run changes nothing, updated facts and partners included', async () => {
    const { region } = await network.graphqlOk(subgraph.url, '{ region(code: "OB") { pvo { legalForm history { action } } } }');
    expect(region.pvo).toEqual({ legalForm: 'FOUNDATION', history: [{ action: 'updated' }] });
    const before = await snapshot();
    await regionsSubgraph.seed(subgraph.database.db);
    expect(await snapshot()).toEqual(before);
  });
});
