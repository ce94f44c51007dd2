import { MUNICIPALITIES, NATIONAL_READ, REGION_CODES } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyberSubgraph } from '../src/subgraph.js';
import { closeTo, selectRows } from './sql.js';

// Municipality figures and regional breakdowns are detail: these tests read them as a ministry analyst.
const { graphql, graphqlOk } = withToken({ scopes: [NATIONAL_READ] });

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cyberSubgraph);
});
afterAll(() => subgraph?.close());

const SUMMARY = `scanCount companyCount averageScore averages { domain average }
  byInstrument { instrument scanCount companyCount averageScore } bySector { sector scanCount averageScore }`;

const entities = (reps: object[], selection: string) =>
  graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps });

const regionReps = (codes: readonly string[]) => codes.map((code) => ({ __typename: 'Region', code }));
const sum = (items: { scanCount: number }[]) => items.reduce((total, item) => total + item.scanCount, 0);

describe('cyber subgraph: summaries', () => {
  it('adds the ten regions up to the country, and each region its municipalities', async () => {
    const data = await entities([...regionReps(REGION_CODES), { __typename: 'Country', code: 'NL' }],
      `... on Region { code cyber { ${SUMMARY} } } ... on Country { cyber { ${SUMMARY} } }`);
    const country = data._entities.at(-1).cyber;
    const regions = data._entities.slice(0, -1).map((region: any) => region.cyber);
    expect(country.scanCount).toBeGreaterThan(8000);
    expect(sum(regions)).toBe(country.scanCount);
    expect(sum(country.byInstrument)).toBe(country.scanCount);
    expect(sum(country.bySector)).toBe(country.scanCount);
    const lb = MUNICIPALITIES.filter((m) => m.regionCode === 'LB').map((m) => ({ __typename: 'Municipality', code: m.code }));
    const municipalities = await entities(lb, '... on Municipality { cyber { scanCount } }');
    expect(sum(municipalities._entities.map((m: any) => m.cyber))).toBe(data._entities[REGION_CODES.indexOf('LB')].cyber.scanCount);
  });

  it('keeps averages between 0 and 100 and equal to a direct SQL recomputation', async () => {
    const data = await entities(regionReps(['DH']), `... on Region { cyber { ${SUMMARY} } }`);
    const summary = data._entities[0].cyber;
    const [expected] = await selectRows<Record<string, number>>(subgraph.database.db, sql.raw(`
      select count(*)::int as scans, count(distinct company_ref)::int as companies,
        avg((governance + awareness + access_control + software_updates + backups + incident_response) / 6.0)::float8 as overall,
        avg(governance)::float8 as governance, avg(incident_response)::float8 as incident_response
      from cyber.scan where region_code = 'DH'`));
    expect(summary.scanCount).toBe(expected.scans);
    expect(summary.companyCount).toBe(expected.companies);
    expect(summary.companyCount).toBeLessThan(summary.scanCount);
    expect(closeTo(summary.averageScore, expected.overall)).toBe(true);
    const average = (domain: string) => summary.averages.find((a: { domain: string }) => a.domain === domain).average;
    expect(closeTo(average('GOVERNANCE'), expected.governance)).toBe(true);
    expect(closeTo(average('INCIDENT_RESPONSE'), expected.incident_response)).toBe(true);
    for (const value of [summary.averageScore, ...summary.averages.map((a: { average: number }) => a.average)]) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(100);
    }
  });

  it('gives one entry per year, zero where nothing was scanned, adding up to the total', async () => {
    const data = await entities(regionReps(['RR']), `... on Region { cyber(instrument: KVO_CYBER) {
      scanCount perYear(from: 2015, to: 2026) { year scanCount companyCount averageScore } } }`);
    const { scanCount, perYear } = data._entities[0].cyber;
    expect(perYear.map((y: { year: number }) => y.year)).toEqual(Array.from({ length: 12 }, (_, index) => 2015 + index));
    // The KVO Cyber pilot starts in 2021.
    const empty = (year: number) => ({ year, scanCount: 0, companyCount: 0, averageScore: null });
    expect(perYear.slice(0, 6)).toEqual([2015, 2016, 2017, 2018, 2019, 2020].map(empty));
    expect(perYear[6].scanCount).toBeGreaterThan(0);
    expect(sum(perYear)).toBe(scanCount);
  });

  it('filters summaries by instrument, sector and year', async () => {
    const data = await graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country {
      all: cyber { scanCount byInstrument { instrument scanCount } bySector { sector scanCount } }
      pentest: cyber(instrument: PENTEST) { scanCount byInstrument { instrument } }
      retail: cyber(sector: RETAIL) { scanCount bySector { sector } }
      y2022: cyber(year: 2022) { scanCount perYear(from: 2021, to: 2022) { year scanCount } }
      years: cyber { perYear(from: 2015, to: 2026) { year scanCount } } } } }`, { reps: [{ __typename: 'Country', code: 'NL' }] });
    const nl = data._entities[0];
    const count = (list: any[], key: string, value: string) => list.find((item) => item[key] === value).scanCount;
    expect(nl.pentest.scanCount).toBe(count(nl.all.byInstrument, 'instrument', 'PENTEST'));
    expect(nl.pentest.byInstrument).toEqual([{ instrument: 'PENTEST' }]);
    expect(nl.retail.scanCount).toBe(count(nl.all.bySector, 'sector', 'RETAIL'));
    expect(nl.retail.bySector).toEqual([{ sector: 'RETAIL' }]);
    const y2022 = nl.years.perYear.find((y: any) => y.year === 2022).scanCount;
    expect(y2022).toBeGreaterThan(0);
    expect(nl.y2022.scanCount).toBe(y2022);
    expect(nl.y2022.perYear).toEqual([{ year: 2021, scanCount: 0 }, { year: 2022, scanCount: y2022 }]);
    expect(nl.years.perYear.reduce((total: number, y: any) => total + y.scanCount, 0)).toBe(nl.all.scanCount);
  });

  it('refuses impossible years and reversed year ranges with BAD_USER_INPUT', async () => {
    const reps = [{ __typename: 'Region', code: 'NN' }];
    const year = await graphql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Region { cyber(year: 20222) { scanCount } } } }`, { reps });
    expect(year.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'year' } });
    const years = await graphql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Region { cyber { perYear(from: 2026, to: 2018) { year } } } } }`, { reps });
    expect(years.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const bounds = await graphql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Region { cyber { perYear(from: 2018, to: 99999) { year } } } } }`, { reps });
    expect(bounds.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'to' } });
  });

  it('costs the same number of statements for 10 regions as for 2', async () => {
    const summary = 'cyber { scanCount averageScore averages { domain average } perYear(from: 2018, to: 2026) { year scanCount } }';
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Region { code ${summary} } ... on Municipality { code ${summary} } } }`;
    const cost = async (reps: object[]) => {
      const before = subgraph.database.statements.count;
      const data = await graphqlOk(subgraph.url, query, { reps });
      expect(data._entities).toHaveLength(reps.length);
      return subgraph.database.statements.count - before;
    };
    const two = await cost(regionReps(['NN', 'LB']));
    const ten = await cost(regionReps(REGION_CODES));
    expect(two).toBe(2);
    expect(ten).toBe(two);
    const municipalities = MUNICIPALITIES.map((m) => ({ __typename: 'Municipality', code: m.code }));
    const few = await cost(municipalities.slice(0, 3));
    expect(few).toBe(2);
    expect(await cost(municipalities.slice(0, 60))).toBe(few);
  });
});
