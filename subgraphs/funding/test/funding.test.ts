import { MUNICIPALITIES, NATIONAL_READ, ORGANISATIONS } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants } from '../src/db/schema.js';
import { generateGrants } from '../src/seed/index.js';
import { fundingSubgraph } from '../src/subgraph.js';

// Grants and per-funder, per-kind and per-theme amounts are detail: these tests read them as a ministry analyst.
const { graphql, graphqlOk } = withToken({ scopes: [NATIONAL_READ] });

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(fundingSubgraph);
});
afterAll(() => subgraph?.close());

describe('funding subgraph', () => {
  it('serves its SDL for composition', async () => {
    const data = await graphqlOk(subgraph.url, '{ _service { sdl } }');
    expect(data._service.sdl).toMatch(/type Grant\s+@key\(fields: "id"\)/);
    expect(data._service.sdl).toMatch(/union FundingParty = Organisation \| Region \| Municipality/);
  });

  it('resolves every entity key through _entities, unknown keys as null', async () => {
    const data = await graphqlOk(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Grant { id amountCents synthetic funder { __typename ... on Organisation { id } } recipient { __typename ... on Region { code } } }
        ... on Region { code funding { grantCount } } ... on Organisation { id fundingGiven { grantCount } }
        ... on Municipality { code fundingGiven { grantCount } } ... on Country { code funding { grantCount } } } }`,
      {
        reps: [
          { __typename: 'Grant', id: '2019-jenv-rr-safety-week' },
          { __typename: 'Region', code: 'DH' },
          { __typename: 'Organisation', id: 'jenv' },
          { __typename: 'Municipality', code: 'GM0363' },
          { __typename: 'Country', code: 'NL' },
          { __typename: 'Grant', id: 'no-such-grant' },
          { __typename: 'Region', code: 'XX' },
          { __typename: 'Organisation', id: 'nobody' },
        ],
      },
    );
    const [grant, region, organisation, municipality, country, ...missing] = data._entities;
    expect(grant).toEqual({
      id: '2019-jenv-rr-safety-week',
      amountCents: 600_000,
      synthetic: false,
      funder: { __typename: 'Organisation', id: 'jenv' },
      recipient: { __typename: 'Region', code: 'RR' },
    });
    expect(region.funding.grantCount).toBeGreaterThan(20);
    expect(organisation.fundingGiven.grantCount).toBeGreaterThan(region.funding.grantCount);
    expect(municipality.fundingGiven.grantCount).toBe(4);
    expect(country.funding.grantCount).toBeGreaterThan(organisation.fundingGiven.grantCount);
    expect(missing).toEqual([null, null, null]);
  });

  it('refers only to organisations and municipalities the kit knows', async () => {
    const rows = await subgraph.database.db.select().from(grants);
    const organisations = new Set(ORGANISATIONS.map((o) => o.id));
    const municipalities = new Map(MUNICIPALITIES.map((m) => [m.code, m.regionCode]));
    for (const row of rows) {
      for (const [type, id] of [[row.funderType, row.funderId], [row.recipientType, row.recipientId]]) {
        if (type === 'ORGANISATION') expect(organisations, `${row.id}: ${id}`).toContain(id);
        if (type === 'MUNICIPALITY') expect(municipalities.has(id), `${row.id}: ${id}`).toBe(true);
      }
      if (row.viaId) expect(organisations).toContain(row.viaId);
      if (row.recipientType === 'MUNICIPALITY') expect(row.recipientRegionCode).toBe(municipalities.get(row.recipientId));
      expect(row.year).toBe(Number(row.periodStart.slice(0, 4)));
      expect(row.periodEnd >= row.periodStart, row.id).toBe(true);
    }
    expect(rows.length).toBeGreaterThan(500);
  });

  it('pages through grants with cursors, without gaps or repeats', async () => {
    const query = `query($after: String) { grants(first: 40, after: $after, region: "RR") {
      totalCount nodes { id recipientRegion { code } } pageInfo { hasNextPage endCursor } } }`;
    const ids: string[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const data: any = await graphqlOk(subgraph.url, query, { after });
      ids.push(...data.grants.nodes.map((g: { id: string }) => g.id));
      totalCount = data.grants.totalCount;
      for (const node of data.grants.nodes) expect(node.recipientRegion).toEqual({ code: 'RR' });
      if (!data.grants.pageInfo.hasNextPage) break;
      after = data.grants.pageInfo.endCursor;
    }
    expect(totalCount).toBeGreaterThan(200);
    expect(ids).toHaveLength(totalCount);
    expect(new Set(ids).size).toBe(totalCount);
    // Ids start with the budget year, so the id order is chronological whatever the collation.
    const years = ids.map((id) => Number(id.slice(0, 4)));
    expect([...years].sort((a, b) => a - b)).toEqual(years);
  });

  it('filters by funder, recipient, year, kind and theme', async () => {
    const data = await graphqlOk(subgraph.url, `{
      meetings: grants(funder: "MN", year: 2018, theme: UNDERMINING, first: 0) { totalCount }
      cyber: grants(funder: "MN", kind: ONE_OFF, theme: CYBER, first: 100) { totalCount nodes { year themes recipient { __typename } } }
      var: grants(recipient: "var", year: 2020, first: 0) { totalCount }
      amsterdam: grants(funder: "GM0363") { nodes { id kind recipient { ... on Region { code } } } } }`);
    expect(data.meetings.totalCount).toBe(20);
    expect(data.cyber.totalCount).toBeGreaterThan(0);
    for (const g of data.cyber.nodes) expect(g).toEqual({ year: 2019, themes: ['CYBER'], recipient: { __typename: 'Municipality' } });
    expect(data.var.totalCount).toBe(MUNICIPALITIES.filter((m) => m.regionCode === 'RR').length);
    expect(data.amsterdam.nodes.map((g: { id: string }) => g.id)).toEqual(
      [2019, 2020, 2021, 2022].map((year) => `${year}-gm0363-aa-covenant`),
    );
  });

  it('pages child lists per parent: each organisation gets its own first page', async () => {
    const data = await graphqlOk(
      subgraph.url,
      `{ _entities(representations: [{__typename: "Organisation", id: "jenv"}, {__typename: "Organisation", id: "var"}]) {
        ... on Organisation { id grantsGiven(first: 3, year: 2023) { totalCount nodes { year funder { ... on Organisation { id } } } }
          grantsReceived(first: 2) { totalCount pageInfo { hasNextPage } } } } }`,
    );
    const [jenv, alliance] = data._entities;
    expect(jenv.grantsGiven.nodes).toHaveLength(3);
    for (const g of jenv.grantsGiven.nodes) expect(g).toEqual({ year: 2023, funder: { id: 'jenv' } });
    expect(jenv.grantsReceived).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false } });
    // The same year filter applies to every parent: VAR passes one share to its PVO a year.
    expect(alliance.grantsGiven.totalCount).toBe(1);
    expect(alliance.grantsReceived.pageInfo.hasNextPage).toBe(true);
  });

  it('names unknown codes with NOT_FOUND and refuses bad arguments with BAD_USER_INPUT', async () => {
    const grant = await graphql(subgraph.url, '{ grant(id: "2099-nobody") { id } }');
    expect(grant.errors?.[0]).toMatchObject({ message: 'Grant "2099-nobody" does not exist.', extensions: { code: 'NOT_FOUND' } });
    const region = await graphql(subgraph.url, '{ grants(region: "QQ") { totalCount } }');
    expect(region.errors?.[0]).toMatchObject({ message: 'Region "QQ" does not exist.', extensions: { code: 'NOT_FOUND' } });
    const funder = await graphql(subgraph.url, '{ grants(funder: "ministry-of-magic") { totalCount } }');
    expect(funder.errors?.[0]).toMatchObject({ message: 'Organisation "ministry-of-magic" does not exist.', extensions: { code: 'NOT_FOUND' } });
    const municipality = await graphql(subgraph.url, '{ grants(recipient: "GM9999") { totalCount } }');
    expect(municipality.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND', municipality: 'GM9999' } });
    const page = await graphql(subgraph.url, '{ grants(first: 500) { totalCount } }');
    expect(page.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const cursor = await graphql(subgraph.url, '{ grants(after: "not-a-cursor") { totalCount } }');
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const year = await graphql(subgraph.url, '{ grants(year: 1850) { totalCount } }');
    expect(year.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'year' } });
    const range = await graphql(subgraph.url, '{ _entities(representations: [{__typename: "Country", code: "NL"}]) { ... on Country { funding { perYear(from: 2026, to: 2017) { year } } } } }');
    expect(range.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
  });

  it('generates the same grants every time and seeds idempotently', async () => {
    expect(generateGrants()).toEqual(generateGrants());
    const query = '{ grants(first: 0) { totalCount } _entities(representations: [{__typename: "Country", code: "NL"}]) { ... on Country { funding { totalCents } } } }';
    const before = await graphqlOk(subgraph.url, query);
    await fundingSubgraph.seed(subgraph.database.db);
    const after = await graphqlOk(subgraph.url, query);
    expect(after).toEqual(before);
    expect(before.grants.totalCount).toBe(generateGrants().length);
  });
});
