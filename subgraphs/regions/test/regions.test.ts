import { graphql, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsSubgraph } from '../src/subgraph.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(regionsSubgraph);
});
afterAll(() => subgraph?.close());

describe('regions subgraph', () => {
  it('serves its SDL for composition', async () => {
    const data = await graphqlOk(subgraph.url, '{ _service { sdl } }');
    expect(data._service.sdl).toMatch(/type Region\s+@key\(fields: "code"\)/);
  });

  it('holds the ten PVO regions and every CBS municipality', async () => {
    const data = await graphqlOk(subgraph.url, '{ regions { code municipalityCount population } country { population municipalityCount } }');
    expect(data.regions.map((r: { code: string }) => r.code)).toEqual(['NN', 'ON', 'MN', 'NH', 'AA', 'DH', 'RR', 'ZWB', 'OB', 'LB']);
    const sum = (key: string) => data.regions.reduce((total: number, r: Record<string, number>) => total + r[key], 0);
    expect(sum('municipalityCount')).toBe(342);
    expect(sum('population')).toBe(17_590_672);
    expect(data.country).toEqual({ population: 17_590_672, municipalityCount: 342 });
  });

  it('resolves every entity key through _entities', async () => {
    const data = await graphqlOk(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Region { code name } ... on Municipality { code name } ... on Organisation { id name }
        ... on Site { id kind } ... on Country { code name } } }`,
      {
        reps: [
          { __typename: 'Region', code: 'AA' },
          { __typename: 'Municipality', code: 'GM0363' },
          { __typename: 'Organisation', id: 'ccv' },
          { __typename: 'Site', id: 'GM0363-BT01' },
          { __typename: 'Country', code: 'NL' },
          { __typename: 'Region', code: 'XX' },
        ],
      },
    );
    expect(data._entities).toEqual([
      { code: 'AA', name: 'Amsterdam-Amstelland' },
      { code: 'GM0363', name: 'Amsterdam' },
      { id: 'ccv', name: 'Centrum voor Criminaliteitspreventie en Veiligheid' },
      { id: 'GM0363-BT01', kind: 'BUSINESS_PARK' },
      { code: 'NL', name: 'Nederland' },
      null,
    ]);
  });

  it('pages through a list with cursors, without gaps or repeats', async () => {
    const query = `query($after: String) { municipalities(first: 50, after: $after) {
      totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`;
    const codes: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const data: any = await graphqlOk(subgraph.url, query, { after });
      codes.push(...data.municipalities.nodes.map((m: { code: string }) => m.code));
      expect(data.municipalities.totalCount).toBe(342);
      if (!data.municipalities.pageInfo.hasNextPage) break;
      after = data.municipalities.pageInfo.endCursor;
    }
    expect(codes).toHaveLength(342);
    expect(new Set(codes).size).toBe(342);
  });

  it('pages children per parent: each region gets its own first page', async () => {
    const data = await graphqlOk(subgraph.url, '{ regions { code sites(first: 3, kind: BUSINESS_PARK) { totalCount nodes { id kind region { code } } } } }');
    for (const region of data.regions) {
      expect(region.sites.nodes).toHaveLength(3);
      for (const site of region.sites.nodes) expect(site).toMatchObject({ kind: 'BUSINESS_PARK', region: { code: region.code } });
    }
    const total = data.regions.reduce((sum: number, r: any) => sum + r.sites.totalCount, 0);
    const country = await graphqlOk(subgraph.url, '{ country { businessParkCount } }');
    expect(total).toBe(country.country.businessParkCount);
  });

  it('names unknown codes with NOT_FOUND and refuses bad arguments with BAD_USER_INPUT', async () => {
    const missing = await graphql(subgraph.url, '{ municipality(code: "GM9999") { name } }');
    expect(missing.errors?.[0]).toMatchObject({ message: 'Municipality "GM9999" does not exist.', extensions: { code: 'NOT_FOUND' } });
    const filter = await graphql(subgraph.url, '{ sites(region: "QQ") { totalCount } }');
    expect(filter.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const page = await graphql(subgraph.url, '{ sites(first: -5) { totalCount } }');
    expect(page.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const cursor = await graphql(subgraph.url, '{ sites(after: "not-a-cursor") { totalCount } }');
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('treats SQL and LIKE metacharacters in search text as plain text', async () => {
    const data = await graphqlOk(subgraph.url, `{ a: municipalities(nameContains: "%") { totalCount }
      b: municipalities(nameContains: "'; drop table regions.site; --") { totalCount }
      c: municipalities(nameContains: "gerwen") { nodes { name } } }`);
    expect(data.a.totalCount).toBe(0);
    expect(data.b.totalCount).toBe(0);
    expect(data.c.nodes).toEqual([{ name: 'Nuenen, Gerwen en Nederwetten' }]);
  });

  it('seeds idempotently', async () => {
    await regionsSubgraph.seed(subgraph.database.db);
    const data = await graphqlOk(subgraph.url, '{ sites { totalCount } organisations { totalCount } }');
    const again = await graphqlOk(subgraph.url, '{ sites { totalCount } organisations { totalCount } }');
    expect(again).toEqual(data);
    expect(data.sites.totalCount).toBeGreaterThan(5000);
  });
});
