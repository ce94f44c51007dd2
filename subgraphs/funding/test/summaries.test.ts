import { MUNICIPALITIES, NATIONAL_READ, REGION_CODES } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grants } from '../src/db/schema.js';
import { fundingSubgraph } from '../src/subgraph.js';

// Grants and per-funder, per-kind and per-theme amounts are detail: these tests read them as a ministry analyst.
const { graphqlOk } = withToken({ scopes: [NATIONAL_READ] });

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(fundingSubgraph);
});
afterAll(() => subgraph?.close());

const entities = (body: string) =>
  `query($reps: [_Any!]!) { _entities(representations: $reps) { ${body} } }`;
const regionReps = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Region', code }));

/** Runs a query and returns its data with the number of SQL statements it cost. */
async function counted(query: string, variables: Record<string, unknown>) {
  const before = subgraph.database.statements.count;
  const data = await graphqlOk(subgraph.url, query, variables);
  return { data, statements: subgraph.database.statements.count - before };
}

describe('funding summaries', () => {
  it('country funding is the sum of the ten regions, in total and per year', async () => {
    const query = entities(`... on Region { code funding { totalCents earmarkedCents perYear(from: 2017, to: 2026) { year totalCents } } }
      ... on Country { funding { totalCents earmarkedCents perYear(from: 2017, to: 2026) { year totalCents } } }`);
    const data = await graphqlOk(subgraph.url, query, { reps: [...regionReps(REGION_CODES), { __typename: 'Country', code: 'NL' }] });
    const regions = data._entities.slice(0, 10);
    const country = data._entities[10].funding;
    const sum = (pick: (r: any) => number) => regions.reduce((total: number, r: any) => total + pick(r), 0);
    expect(country.totalCents).toBe(sum((r) => r.funding.totalCents));
    expect(country.earmarkedCents).toBe(sum((r) => r.funding.earmarkedCents));
    country.perYear.forEach((year: { year: number; totalCents: number }, i: number) => {
      expect(year.year).toBe(2017 + i);
      expect(year.totalCents).toBe(sum((r) => r.funding.perYear[i].totalCents));
    });
  });

  it('holds the two real figures, and only those, as not synthetic', async () => {
    const data = await graphqlOk(subgraph.url, `{ week: grant(id: "2019-jenv-rr-safety-week") { amountCents kind synthetic source }
      fund: grants(recipient: "OB", kind: PER_INHABITANT, first: 100) { totalCount nodes { amountCents synthetic funder { ... on Municipality { code } } } } }`);
    expect(data.week).toMatchObject({ amountCents: 600_000, kind: 'ONE_OFF', synthetic: false });
    const ob = MUNICIPALITIES.filter((m) => m.regionCode === 'OB');
    expect(data.fund.totalCount).toBe(ob.length);
    const fund = data.fund.nodes.reduce((total: number, g: { amountCents: number }) => total + g.amountCents, 0);
    expect(fund).toBe(25 * ob.reduce((total, m) => total + m.population, 0));
    for (const g of data.fund.nodes) expect(g.synthetic).toBe(false);
    const real = await subgraph.database.db.select({ id: grants.id }).from(grants).where(eq(grants.synthetic, false));
    expect(real.filter((g) => !g.id.endsWith('-ob-safety-fund')).map((g) => g.id)).toEqual(['2019-jenv-rr-safety-week']);
    expect(real).toHaveLength(ob.length + 1);
  });

  it("shows JenV's budget rising from 2022", async () => {
    const data = await graphqlOk(subgraph.url, entities('... on Organisation { fundingGiven { perYear(from: 2019, to: 2026) { year totalCents } } }'), {
      reps: [{ __typename: 'Organisation', id: 'jenv' }],
    });
    const perYear: { year: number; totalCents: number }[] = data._entities[0].fundingGiven.perYear;
    const before = perYear.filter((y) => y.year < 2022).map((y) => y.totalCents);
    const after = perYear.filter((y) => y.year >= 2022).map((y) => y.totalCents);
    expect(Math.min(...after)).toBeGreaterThan(Math.max(...before) * 1.2);
  });

  it('answers question 2: which regions depend only on central government money', async () => {
    const data = await graphqlOk(subgraph.url, entities('... on Region { code funding { dependsOnlyOnCentralGovernment funderCategories } }'), {
      reps: regionReps(REGION_CODES),
    });
    const only = data._entities.filter((r: any) => r.funding.dependsOnlyOnCentralGovernment).map((r: any) => r.code);
    expect(only).toEqual(['MN', 'DH']);
    const lb = data._entities.find((r: any) => r.code === 'LB').funding;
    expect(lb.funderCategories).toEqual(['JUSTICE_AND_SECURITY', 'OTHER_MINISTRY', 'PROVINCE']);
  });

  it('counts a grant with two themes fully under each theme', async () => {
    const data = await graphqlOk(subgraph.url, `{ grant(id: "2023-jenv-dh-undermining") { amountCents themes }
      _entities(representations: [{__typename: "Region", code: "DH"}]) { ... on Region { funding {
        byTheme(year: 2023) { theme amountCents } byKind(year: 2023) { kind amountCents } earmarkedCents } } } }`);
    const { amountCents, themes } = data.grant;
    expect(themes).toEqual(['UNDERMINING', 'MOBILE_BANDITRY']);
    const byTheme = Object.fromEntries(data._entities[0].funding.byTheme.map((t: any) => [t.theme, t.amountCents]));
    expect(byTheme.MOBILE_BANDITRY).toBe(amountCents);
    expect(byTheme.UNDERMINING).toBe(amountCents);
    const projects = data._entities[0].funding.byKind.find((k: any) => k.kind === 'PROJECT_SUBSIDY').amountCents;
    expect(byTheme.CYBER + byTheme.UNDERMINING).toBe(projects);
  });

  it('costs the same statements for 10 regions as for 2 (no N+1)', async () => {
    const query = entities(`... on Region { code funding { totalCents earmarkedShare perYear(from: 2017, to: 2026) {
      year totalCents byFunder { amountCents funder { __typename } } } } }`);
    const two = await counted(query, { reps: regionReps(['NN', 'LB']) });
    const ten = await counted(query, { reps: regionReps(REGION_CODES) });
    expect(two.data._entities).toHaveLength(2);
    expect(ten.data._entities.map((r: any) => r.funding.perYear.length)).toEqual(Array(10).fill(10));
    expect(ten.statements).toBe(two.statements);
    expect(two.statements).toBe(3);
  });

  it('costs the same statements for many organisations as for one', async () => {
    const query = entities(`... on Organisation { id grantsGiven(first: 2) { totalCount nodes { id } }
      fundingReceived { totalCents byKind { kind amountCents } } }`);
    const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Organisation', id }));
    const one = await counted(query, { reps: reps(['jenv']) });
    const many = await counted(query, { reps: reps(['jenv', 'ezk', 'var', 'ccv', 'police-nn', 'province-limburg']) });
    expect(many.statements).toBe(one.statements);
  });
});
