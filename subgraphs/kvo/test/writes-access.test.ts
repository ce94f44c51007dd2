// Who may write KVO certificates and read their history: only kvo:write, the certifiers. The history of a page of
// certificates costs one statement, however long the page.
import { NATIONAL_READ, subgraphWrite } from '@vo/kit';
import { startTestSubgraph } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvoSubgraph } from '../src/subgraph.js';
import { CREATE, HISTORY, UPDATE, WITHDRAW, WRITER, client, freeSites, tablesChecksum } from './write-support.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
let siteId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(kvoSubgraph);
  siteId = (await freeSites(subgraph.database.db, 'SHOPPING_AREA'))[0].id;
});
afterAll(() => subgraph?.close());

const OTHERS = {
  anonymous: undefined,
  'national:read': { scopes: [NATIONAL_READ] },
  'funding:write': { scopes: [subgraphWrite('funding')], organisation: 'jenv' },
};

describe('KVO writes: access', () => {
  for (const [role, claims] of Object.entries(OTHERS)) {
    it(`refuses every write and the history to ${role} with FORBIDDEN, writing nothing`, async () => {
      const send = client(subgraph.url, claims);
      const before = await tablesChecksum(subgraph.database.db);
      const writes: [string, Record<string, unknown>][] = [
        [CREATE, { input: { siteId, scheme: 'KVO_W', certifiedOn: '2026-05-01' } }],
        [UPDATE, { id: 'KVB-GM1876-BG01-2017', input: { themes: [] } }],
        [WITHDRAW, { id: 'KVB-GM1876-BG01-2017', on: '2018-01-01', reason: 'Not allowed to say so' }],
      ];
      for (const [query, variables] of writes) {
        const result = await send(query, variables);
        expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(result.errors?.[0].message).toContain('kvo:write');
      }
      const history = await send(HISTORY, { id: 'KVB-GM1876-BG01-2017' });
      expect(history.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await tablesChecksum(subgraph.database.db)).toEqual(before);
    });
  }

  it('lets kvo:write write and read the history', async () => {
    const write = client(subgraph.url, WRITER);
    const { data, errors } = await write(CREATE, { input: { siteId, scheme: 'KVO_W', certifiedOn: '2026-05-01' } });
    expect(errors).toBeUndefined();
    expect(data.createCertification.errors).toEqual([]);
    const history = await write(HISTORY, { id: data.createCertification.certification.id });
    expect(history.data!.certification.history.map((entry: { action: string }) => entry.action)).toEqual(['created']);
  });
});

describe('KVO history', () => {
  it('reads the history of a whole page of certificates in one statement, newest entry first', async () => {
    const write = client(subgraph.url, WRITER);
    const page = (first: number) => write(`{ certifications(first: ${first}, region: "NN", year: 2024) { nodes { id history { action changes { field after } } } } }`);
    const nodes = (await page(20)).data!.certifications.nodes;
    for (const node of nodes.slice(0, 3)) await write(UPDATE, { id: node.id, input: { themes: ['BURGLARY'] } });
    await write(UPDATE, { id: nodes[0].id, input: { themes: ['NUISANCE'] } });
    const statements = async (first: number) => {
      const start = subgraph.database.statements.count;
      const result = await page(first);
      return { count: subgraph.database.statements.count - start, nodes: result.data!.certifications.nodes };
    };
    const two = await statements(2);
    const twenty = await statements(20);
    expect(twenty.count).toBe(two.count);
    expect(twenty.nodes[0].history).toEqual([
      { action: 'updated', changes: [{ field: 'themes', after: '["NUISANCE"]' }] },
      { action: 'updated', changes: [{ field: 'themes', after: '["BURGLARY"]' }] },
    ]);
    expect(twenty.nodes.filter((node: { history: unknown[] }) => node.history.length > 0)).toHaveLength(3);
  });
});
