// National trends (issue 4) through the real gateway over the four real subgraphs: one request gives a table of regions
// by period across KVO, funding and cyber. Every figure must be the one the per-region fields already give, the
// national rows the sum of the regions, the access rules and small-group suppression those of the API, and the cost
// of the whole table a fixed number of SQL statements.
import { REGION_CODES } from '@vo/kit';
import { graphql } from '@vo/kit/testing';
import { composeSupergraph, readSupergraphConfig } from '@vo/gateway/composition';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { parse, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estimateCost, readCostDirectives } from '../gateway/src/cost.js';
import { DEFAULT_LIMITS } from '../gateway/src/limits.js';
import { grants } from '../subgraphs/funding/src/db/schema.js';
import { startHub, SUPERGRAPH_PATH, type Hub } from './support/hub.js';
import { asNational, ROLES } from './support/roles.js';

const REGION_TRENDS = readFileSync(new URL('../schema/operations/RegionTrends.graphql', import.meta.url), 'utf8');
const FROM = 2016;
const TO = 2025;
const YEARS = Array.from({ length: TO - FROM + 1 }, (_, i) => FROM + i);
const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

const KVO = 'kvo { newCertifications recertifications expired validAtEnd certifiedBusinessParksAtEnd businessParkCoverage }';
const FUNDING = 'funding { totalCents earmarkedCents earmarkedShare grantCount }';
const CYBER = 'cyber { scanCount companyCount averageScore suppressed suppression averages { domain average } }';
/** The additive KVO, funding and cyber figures of a row. */
const KVO_FLOWS = ['newCertifications', 'recertifications', 'expired'] as const;
const KVO_ADDITIVE = [...KVO_FLOWS, 'validAtEnd', 'certifiedBusinessParksAtEnd'] as const;
const FUNDING_ADDITIVE = ['totalCents', 'earmarkedCents', 'grantCount'] as const;
const CYBER_ADDITIVE = ['scanCount', 'companyCount'] as const;

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

/** The table for all ten regions from FROM to TO, with every figure. */
async function fullTable(quarters = false) {
  const query = `query($quarters: Boolean) { trends(from: ${FROM}, to: ${TO}, quarters: $quarters) {
    rows { place period year quarter periodStart periodEnd population businessParkCount ${KVO} ${FUNDING} ${CYBER} }
    national { place period year quarter periodStart periodEnd population businessParkCount ${KVO} ${FUNDING} funding { nationalRecipientsCents } ${CYBER} } } }`;
  return (await asNational.graphqlOk(hub.url, query, { quarters })).trends;
}

describe('the trend table', () => {
  it('answers the analysts\' RegionTrends for 10 regions x 10 years in one request: every region in every year, in order', async () => {
    const { trends } = await asNational.graphqlOk(hub.url, REGION_TRENDS, { from: FROM, to: TO });
    expect(trends.rows.map((r: any) => `${r.place} ${r.period}`)).toEqual(REGION_CODES.flatMap((code) => YEARS.map((y) => `${code} ${y}`)));
    expect(trends.national.map((r: any) => `${r.place} ${r.period}`)).toEqual(YEARS.map((y) => `NL ${y}`));
    for (const row of [...trends.rows, ...trends.national]) {
      expect(row).toMatchObject({ year: Number(row.period), quarter: null, periodStart: `${row.period}-01-01`, periodEnd: `${row.period}-12-31` });
      expect(row.kvo.validAtEnd).toBeGreaterThan(0);
      expect(row.funding).not.toBeNull();
      expect(row.cyber.averages).toHaveLength(6);
    }
    expect(new Set(trends.rows.map((r: any) => r.region.name)).size).toBe(10);
    expect(trends.national.every((r: any) => r.funding.nationalRecipientsCents !== null)).toBe(true);
  });

  it('keeps the order of the regions asked for', async () => {
    const { trends } = await ROLES.anonymous.client.graphqlOk(hub.url, '{ trends(from: 2020, to: 2021, regions: ["LB", "NN", "DH"]) { rows { place period region { code } } } }');
    expect(trends.rows.map((r: any) => `${r.place} ${r.period} ${r.region.code}`)).toEqual([
      'LB 2020 LB', 'LB 2021 LB', 'NN 2020 NN', 'NN 2021 NN', 'DH 2020 DH', 'DH 2021 DH',
    ]);
  });

  it('gives national rows that are the sum of the regions in every additive figure (cyber where every region is published)', async () => {
    const table = await fullTable();
    let cyberYears = 0;
    table.national.forEach((national: any, i: number) => {
      const regions = table.rows.filter((row: any) => row.period === national.period);
      expect(regions).toHaveLength(10);
      const where = `${national.period}`;
      expect(sum(regions, (r: any) => r.population), `${where} population`).toBe(national.population);
      expect(sum(regions, (r: any) => r.businessParkCount), `${where} business parks`).toBe(national.businessParkCount);
      for (const field of KVO_ADDITIVE) expect(sum(regions, (r: any) => r.kvo[field]), `${where} kvo.${field}`).toBe(national.kvo[field]);
      for (const field of FUNDING_ADDITIVE) expect(sum(regions, (r: any) => r.funding[field]), `${where} funding.${field}`).toBe(national.funding[field]);
      expect(national.kvo.businessParkCoverage).toBeCloseTo(national.kvo.certifiedBusinessParksAtEnd / national.businessParkCount, 12);
      if (regions.every((r: any) => !r.cyber.suppressed) && !national.cyber.suppressed) {
        cyberYears += 1;
        for (const field of CYBER_ADDITIVE) expect(sum(regions, (r: any) => r.cyber[field]), `${where} cyber.${field}`).toBe(national.cyber[field]);
      }
      expect(i).toBe(YEARS.indexOf(national.year));
    });
    // Scans begin in the data's later years: the cyber check must have had published years to compare.
    expect(cyberYears).toBeGreaterThan(3);
  });
});

describe('the trend table agrees with the per-region figures', () => {
  const cyberYears = YEARS.map((y) => `y${y}: cyber(year: ${y}) { scanCount companyCount averageScore suppressed suppression averages { domain average } }`).join('\n');
  const kvoAtEnds = YEARS.map((y) => `e${y}: kvo(asOf: "${y}-12-31") { validCertificates certifiedBusinessParks businessParkCoverage }`).join('\n');
  const perYear = `kvo { perYear(from: ${FROM}, to: ${TO}) { year firstCertifications recertifications expired } }
    funding { perYear(from: ${FROM}, to: ${TO}) { year totalCents earmarkedCents grantCount } }`;

  /** The per-region (or country) figures of each year, fetched as the existing fields give them, in three requests (aliases). */
  async function existing(place: 'regions' | 'country') {
    const a = await asNational.graphqlOk(hub.url, `{ ${place} { ${place === 'regions' ? 'code' : 'code'} ${perYear} ${cyberYears} } }`);
    const b = await asNational.graphqlOk(hub.url, `{ ${place} { code ${kvoAtEnds} } }`);
    const list = (data: any) => (place === 'regions' ? data.regions : [data.country]);
    return list(a).map((entry: any, i: number) => ({ ...entry, ...list(b)[i] }));
  }

  function compare(row: any, place: any) {
    const where = `${row.place} ${row.period}`;
    const year = place.kvo.perYear.find((y: any) => y.year === row.year);
    expect({ newCertifications: row.kvo.newCertifications, recertifications: row.kvo.recertifications, expired: row.kvo.expired }, where).toEqual({
      newCertifications: year.firstCertifications,
      recertifications: year.recertifications,
      expired: year.expired,
    });
    const atEnd = place[`e${row.year}`];
    expect([row.kvo.validAtEnd, row.kvo.certifiedBusinessParksAtEnd], where).toEqual([atEnd.validCertificates, atEnd.certifiedBusinessParks]);
    expect(row.kvo.businessParkCoverage, where).toBeCloseTo(atEnd.businessParkCoverage, 12);
    const funding = place.funding.perYear.find((y: any) => y.year === row.year);
    expect({ ...row.funding, earmarkedShare: undefined, nationalRecipientsCents: undefined }, where).toEqual({ ...funding, year: undefined, earmarkedShare: undefined, nationalRecipientsCents: undefined });
    expect(row.funding.earmarkedShare, where).toBe(funding.totalCents > 0 ? funding.earmarkedCents / funding.totalCents : null);
    // The very cell Region.cyber(year:) gives: the same numbers, withheld the same way.
    expect(row.cyber, where).toEqual(place[`y${row.year}`]);
  }

  it('matches kvo.perYear, kvo(asOf: period end), funding.perYear and cyber(year:) of every region in every year', async () => {
    const [table, regions] = await Promise.all([fullTable(), existing('regions')]);
    const byCode = new Map(regions.map((region: any) => [region.code, region]));
    for (const row of table.rows) compare(row, byCode.get(row.place));
  });

  it('matches the country\'s own figures on the national rows', async () => {
    const [table, [country]] = await Promise.all([fullTable(), existing('country')]);
    for (const row of table.national) compare(row, country);
  });
});

describe('quarters', () => {
  it('add up to their year in every KVO flow, end the year with its stock, and leave funding and cyber to whole years', async () => {
    const [quarters, years] = await Promise.all([fullTable(true), fullTable(false)]);
    expect(quarters.rows).toHaveLength(10 * YEARS.length * 4);
    expect(quarters.national).toHaveLength(YEARS.length * 4);
    const all = [...quarters.rows, ...quarters.national];
    for (const year of [...years.rows, ...years.national]) {
      const parts = all.filter((q: any) => q.place === year.place && q.year === year.year);
      const where = `${year.place} ${year.year}`;
      expect(parts.map((q: any) => q.period), where).toEqual([1, 2, 3, 4].map((n) => `${year.year}-Q${n}`));
      expect(parts.map((q: any) => [q.periodStart, q.periodEnd]), where).toEqual([
        [`${year.year}-01-01`, `${year.year}-03-31`],
        [`${year.year}-04-01`, `${year.year}-06-30`],
        [`${year.year}-07-01`, `${year.year}-09-30`],
        [`${year.year}-10-01`, `${year.year}-12-31`],
      ]);
      for (const field of KVO_FLOWS) expect(sum(parts, (q: any) => q.kvo[field]), `${where} ${field}`).toBe(year.kvo[field]);
      expect(parts[3].kvo.validAtEnd, where).toBe(year.kvo.validAtEnd);
      expect(parts[3].kvo.certifiedBusinessParksAtEnd, where).toBe(year.kvo.certifiedBusinessParksAtEnd);
      for (const quarter of parts) expect([quarter.funding, quarter.cyber], `${quarter.place} ${quarter.period}`).toEqual([null, null]);
    }
    // Not every quarter is alike: the flows do move between quarters.
    expect(new Set(quarters.national.map((q: any) => q.kvo.newCertifications)).size).toBeGreaterThan(4);
  });
});

describe('funding on national rows', () => {
  const query = `{ trends(from: ${FROM}, to: ${TO}, regions: []) { national { year funding { totalCents nationalRecipientsCents } } }
    country { funding { perYear(from: ${FROM}, to: ${TO}) { year totalCents } } } }`;
  /** What national organisations (no region) received per budget year, read from the funding database itself. */
  async function nationalRecipients() {
    const rows = await hub.subgraphs.funding.database.db
      .select({ year: grants.year, cents: sql<number>`sum(${grants.amountCents})::bigint`.mapWith(Number) })
      .from(grants)
      .where(and(eq(grants.recipientType, 'ORGANISATION'), isNull(grants.recipientRegionCode)))
      .groupBy(grants.year);
    return new Map(rows.map((row) => [row.year, row.cents]));
  }

  async function check() {
    const data = await asNational.graphqlOk(hub.url, query);
    const expected = await nationalRecipients();
    for (const row of data.trends.national) {
      const country = data.country.funding.perYear.find((y: any) => y.year === row.year);
      // Country.funding counts the ten PVOs, as the national row does; national organisations come on top of it.
      expect(row.funding.totalCents, `${row.year}`).toBe(country.totalCents);
      expect(row.funding.nationalRecipientsCents, `${row.year}`).toBe(expected.get(row.year) ?? 0);
    }
    return data.trends.national;
  }

  it('are Country.funding of the year, with what national organisations received beside it', async () => {
    await check();
    // The seed gives no grant to a national organisation, so add one (JenV to CCV) to see it counted, and only there.
    const grant = {
      id: '2021-jenv-ccv-trend-test', funderType: 'ORGANISATION', funderId: 'jenv', funderCategory: 'JUSTICE_AND_SECURITY',
      recipientType: 'ORGANISATION', recipientId: 'ccv', recipientRegionCode: null, amountCents: 1_234_500,
      periodStart: '2021-01-01', periodEnd: '2021-12-31', year: 2021, kind: 'PROJECT_SUBSIDY', themes: ['CYBER'],
      earmarked: true, description: 'Test grant to a national organisation (synthetic).', synthetic: true, source: 'synthetic',
    };
    const { db } = hub.subgraphs.funding.database;
    const before = await check();
    await db.insert(grants).values(grant);
    try {
      const after = await check();
      const recipients = (rows: any[], year: number) => rows.find((r) => r.year === year).funding;
      expect(recipients(after, 2021).nationalRecipientsCents - recipients(before, 2021).nationalRecipientsCents).toBe(grant.amountCents);
      expect(recipients(after, 2021).totalCents).toBe(recipients(before, 2021).totalCents);
      expect(recipients(after, 2022)).toEqual(recipients(before, 2022));
    } finally {
      await db.delete(grants).where(eq(grants.id, grant.id));
    }
  });
});

describe('access and suppression', () => {
  const detail = (regions: string) => `{ trends(from: 2024, to: 2024, regions: ${regions}) {
    rows { place funding { totalCents byFunder { amountCents } } kvo { validAtEnd } cyber { scanCount byInstrument { instrument scanCount } } }
    national { funding { totalCents byFunder { amountCents } } cyber { scanCount } } } }`;
  const errorsAt = (errors: any[] | undefined) => (errors ?? []).map((e) => `${e.path.join('.')} ${e.extensions.code}`).sort();

  it('shows anonymous callers the totals, and refuses the funding and cyber breakdowns of a region row and of the national row', async () => {
    const result = await ROLES.anonymous.client.graphql<any>(hub.url, detail('["NN"]'));
    expect(errorsAt(result.errors)).toEqual([
      'trends.national.0.funding.byFunder FORBIDDEN',
      'trends.rows.0.cyber.byInstrument FORBIDDEN',
      'trends.rows.0.funding.byFunder FORBIDDEN',
    ]);
    const [row] = result.data.trends.rows;
    expect(row.funding).toMatchObject({ byFunder: null });
    expect(row.funding.totalCents).toBeGreaterThan(0);
    expect(row.kvo.validAtEnd).toBeGreaterThan(0);
    expect(row.cyber.scanCount).toBeGreaterThan(0);
  });

  it("lets a region:NN:read token read NN's breakdowns and not LB's", async () => {
    const result = await ROLES.regionNN.client.graphql<any>(hub.url, detail('["NN", "LB"]'));
    expect(errorsAt(result.errors)).toEqual([
      'trends.national.0.funding.byFunder FORBIDDEN',
      'trends.rows.1.cyber.byInstrument FORBIDDEN',
      'trends.rows.1.funding.byFunder FORBIDDEN',
    ]);
    expect(result.errors!.find((e) => e.path!.join('.') === 'trends.rows.1.funding.byFunder')!.message).toMatch(/region LB.*region:LB:read/);
    const [nn, lb] = result.data.trends.rows;
    expect(nn.place).toBe('NN');
    expect(sum(nn.funding.byFunder, (f: any) => f.amountCents)).toBe(nn.funding.totalCents);
    expect(nn.cyber.byInstrument.length).toBeGreaterThan(0);
    expect([lb.funding.byFunder, lb.cyber.byInstrument]).toEqual([null, null]);
    expect(lb.funding.totalCents).toBeGreaterThan(0);
  });

  it('lets a national:read token read every breakdown', async () => {
    const result = await ROLES.national.client.graphql<any>(hub.url, detail('["NN", "LB"]'));
    expect(result.errors).toBeUndefined();
    expect(result.data.trends.national[0].funding.byFunder.length).toBeGreaterThan(0);
  });
});

describe('cost', () => {
  const counts = () => Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.database.statements.count]));
  /** SQL statements per subgraph for the RegionTrends table of these regions and years. */
  async function statements(variables: Record<string, unknown>) {
    const before = counts();
    const { trends } = await asNational.graphqlOk(hub.url, REGION_TRENDS, variables);
    expect(trends.rows.length).toBeGreaterThan(0);
    const after = counts();
    return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
  }

  it('runs the same SQL statements for 2 regions x 2 years as for 10 x 10, quarters too', async () => {
    await statements({ regions: ['NN'], from: 2020, to: 2020 }); // warm up: the first request prepares statements
    const small = await statements({ regions: ['NN', 'LB'], from: 2024, to: 2025 });
    const full = await statements({ from: FROM, to: TO });
    expect(full).toEqual(small);
    const total = sum(Object.values(full), (n) => n);
    expect(total).toBeGreaterThan(0);
    // A handful per subgraph: one grouped statement per kind of figure, for the region rows and the national rows.
    expect(total).toBeLessThanOrEqual(16);
    const smallQuarters = await statements({ regions: ['NN', 'LB'], from: 2024, to: 2025, quarters: true });
    expect(await statements({ from: FROM, to: TO, quarters: true })).toEqual(smallQuarters);
  });

  it('lets the analysts\' full 10 x 10 table through the default operation limits, with room to spare', () => {
    const composed = composeSupergraph(readSupergraphConfig(fileURLToPath(new URL('../schema/supergraph.yaml', import.meta.url))));
    if (composed.errors) throw new Error(composed.errors.join('\n'));
    const document = parse(REGION_TRENDS);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
    const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d]] : [])));
    const cost = estimateCost({
      schema: composed.apiSchema,
      operation,
      fragments,
      variables: { from: FROM, to: TO },
      directives: readCostDirectives(readFileSync(SUPERGRAPH_PATH, 'utf8')),
      defaultListSize: DEFAULT_LIMITS.defaultListSize,
    });
    // 110 rows, each with its kvo, funding and cyber objects and six domain averages (a list without @listSize: 10).
    expect(cost).toBeGreaterThan(110 * 4);
    expect(cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  });

  it('still refuses a truly huge trend query before any subgraph runs a statement', async () => {
    const huge = `{ trends(from: 2000, to: 2049, quarters: true) { rows { funding {
      byFunder { funder { ... on Organisation { grantsGiven(first: 100) { nodes { id amountCents } } } } } } } } }`;
    const before = hub.statements();
    const result = await asNational.graphql(hub.url, huge);
    expect(hub.statements()).toBe(before);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', maxCost: DEFAULT_LIMITS.maxCost });
    expect(result.errors![0].extensions!.estimatedCost as number).toBeGreaterThan(DEFAULT_LIMITS.maxCost * 10);
  });
});

describe('bad arguments', () => {
  it.each([
    ['a reversed year range', '{ trends(from: 2025, to: 2016) { national { period } } }', 'BAD_USER_INPUT', /from \(2025\) is after to \(2016\)/, 'from'],
    ['a range over 50 years', '{ trends(from: 2000, to: 2060) { national { period } } }', 'BAD_USER_INPUT', /at most 50 years/, 'to'],
    ['an impossible year', '{ trends(from: 1990, to: 2020) { national { period } } }', 'BAD_USER_INPUT', /from must be a year from 2000 to 2100/, 'from'],
    ['an unknown region', '{ trends(from: 2020, to: 2021, regions: ["NN", "XX"]) { national { period } } }', 'NOT_FOUND', /Region "XX" does not exist/, undefined],
    ['a region named twice', '{ trends(from: 2020, to: 2021, regions: ["NN", "NN"]) { national { period } } }', 'BAD_USER_INPUT', /regions lists "NN" more than once/, 'regions'],
  ])('refuses %s with a code and an actionable message', async (_, query, code, message, argument) => {
    const result = await graphql(hub.url, query);
    expect(result.data?.trends ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code, ...(argument ? { argument } : {}) });
    expect(result.errors?.[0].message).toMatch(message);
  });

  it('resolves TrendRow representations in every subgraph, an unknown place or period as null', async () => {
    const reps = [
      { __typename: 'TrendRow', place: 'NN', period: '2024', businessParkCount: 414 },
      { __typename: 'TrendRow', place: 'XX', period: '2024', businessParkCount: 1 },
      { __typename: 'TrendRow', place: 'NL', period: '2024-Q5', businessParkCount: 1 },
    ];
    const selections: Record<string, string> = { regions: 'year', kvo: 'kvo { validAtEnd }', funding: 'funding { totalCents }', cyber: 'cyber { scanCount }' };
    for (const [name, selection] of Object.entries(selections)) {
      const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on TrendRow { place period ${selection} } } }`;
      const result = await asNational.graphqlOk(hub.subgraphs[name].url, query, { reps });
      expect(result._entities.map((e: any) => e && `${e.place} ${e.period}`), name).toEqual(['NN 2024', null, null]);
    }
  });
});
