import { NATIONAL_READ } from '@vo/kit';
import { graphql as anonymous, startTestSubgraph, withToken } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cyberSubgraph } from '../src/subgraph.js';

// Individual scans are visible only to the organisation holding them: these tests are DTC (Basisscan) with
// national:read for the municipality figures, and Smart Service Campus for the pentests.
const { graphql, graphqlOk } = withToken({ scopes: [NATIONAL_READ], organisation: 'dtc' });
const pentester = withToken({ scopes: [], organisation: 'smart-service-campus' });

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cyberSubgraph);
});
afterAll(() => subgraph?.close());

const LIST = `query($after: String, $first: Int, $region: ID, $municipality: ID, $instrument: ScanInstrument,
  $sector: Sector, $sizeClass: SizeClass, $year: Int, $from: Date, $to: Date) {
  cyberScans(first: $first, after: $after, region: $region, municipality: $municipality, instrument: $instrument,
    sector: $sector, sizeClass: $sizeClass, year: $year, from: $from, to: $to) {
    totalCount nodes { id scannedOn instrument sector sizeClass region { code } municipality { code } }
    edges { cursor } pageInfo { hasNextPage endCursor } } }`;

/** The PageInfo block of an SDL file, description included. */
const pageInfoOf = (sdl: string) => /"Where a page ends[\s\S]*?type PageInfo @shareable \{[\s\S]*?\n\}/.exec(sdl)?.[0];

describe('cyber subgraph: scans', () => {
  it('serves its SDL for composition, with the shared types as the regions subgraph writes them', async () => {
    const { _service } = await graphqlOk(subgraph.url, '{ _service { sdl } }');
    expect(_service.sdl).toMatch(/type CyberScan\s+@key\(fields: "id"\)/);
    expect(_service.sdl).toMatch(/type Region\s+@key\(fields: "code"\)\s*\{[\s\S]*?cyber\(/);
    const regionsSdl = readFileSync(new URL('../../regions/src/schema.graphql', import.meta.url), 'utf8');
    const ownSdl = readFileSync(new URL('../src/schema.graphql', import.meta.url), 'utf8');
    expect(pageInfoOf(ownSdl)).toBeDefined();
    expect(pageInfoOf(ownSdl)).toBe(pageInfoOf(regionsSdl));
  });

  it('resolves CyberScan, Region, Municipality and Country through _entities', async () => {
    const data = await graphqlOk(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on CyberScan { id instrument municipality { code } region { code } submittedBy { id } synthetic
          overallScore scores { domain score } }
        ... on Region { code cyber { scanCount } } ... on Municipality { code cyber { scanCount } }
        ... on Country { code cyber { scanCount } } } }`,
      {
        reps: [
          { __typename: 'CyberScan', id: 'CS-GM0014-2018-0001' },
          { __typename: 'Region', code: 'LB' },
          { __typename: 'Municipality', code: 'GM0363' },
          { __typename: 'Country', code: 'NL' },
          { __typename: 'CyberScan', id: 'CS-nope' },
          { __typename: 'Region', code: 'XX' },
          { __typename: 'Municipality', code: 'GM9999' },
        ],
      },
    );
    const [scan, region, municipality, country, ...missing] = data._entities;
    expect(scan).toMatchObject({ id: 'CS-GM0014-2018-0001', municipality: { code: 'GM0014' }, region: { code: 'NN' }, synthetic: true });
    expect(scan.scores.map((s: { domain: string }) => s.domain)).toEqual([
      'GOVERNANCE', 'AWARENESS', 'ACCESS_CONTROL', 'SOFTWARE_UPDATES', 'BACKUPS', 'INCIDENT_RESPONSE',
    ]);
    const mean = scan.scores.reduce((sum: number, s: { score: number }) => sum + s.score, 0) / 6;
    expect(scan.overallScore).toBeCloseTo(mean, 10);
    expect(region).toMatchObject({ code: 'LB' });
    expect(region.cyber.scanCount).toBeGreaterThan(0);
    expect(municipality.cyber.scanCount).toBeGreaterThan(0);
    expect(country.cyber.scanCount).toBeGreaterThan(region.cyber.scanCount);
    expect(missing).toEqual([null, null, null]);
  });

  it('filters by instrument, sector, size class, place, year and date range', async () => {
    const pentests = await pentester.graphqlOk(subgraph.url, LIST, { instrument: 'PENTEST', first: 100 });
    expect(pentests.cyberScans.totalCount).toBeGreaterThan(0);
    for (const scan of pentests.cyberScans.nodes) {
      expect(scan.instrument).toBe('PENTEST');
      expect(['AA', 'LB']).toContain(scan.region.code);
    }
    const farms = await graphqlOk(subgraph.url, LIST, { sector: 'AGRICULTURE', sizeClass: 'MEDIUM', region: 'ON', first: 100 });
    expect(farms.cyberScans.totalCount).toBeGreaterThan(0);
    for (const scan of farms.cyberScans.nodes) {
      expect(scan).toMatchObject({ sector: 'AGRICULTURE', sizeClass: 'MEDIUM', region: { code: 'ON' } });
    }
    const window = await graphqlOk(subgraph.url, LIST, { from: '2022-03-01', to: '2022-03-31', municipality: 'GM0363', first: 100 });
    expect(window.cyberScans.totalCount).toBeGreaterThan(0);
    for (const scan of window.cyberScans.nodes) {
      expect(scan.scannedOn >= '2022-03-01' && scan.scannedOn <= '2022-03-31').toBe(true);
      expect(scan.municipality.code).toBe('GM0363');
    }
    const year = await graphqlOk(subgraph.url, LIST, { year: 2020, from: '2020-06-01' });
    const half = await graphqlOk(subgraph.url, LIST, { from: '2020-06-01', to: '2020-12-31' });
    expect(year.cyberScans.totalCount).toBe(half.cyberScans.totalCount);
    const all = await graphqlOk(subgraph.url, LIST, {});
    expect(half.cyberScans.totalCount).toBeLessThan(all.cyberScans.totalCount);
  });

  it('pages through a filtered list in date order, without gaps or repeats', async () => {
    const ids: string[] = [];
    const dates: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const data: any = await graphqlOk(subgraph.url, LIST, { region: 'LB', year: 2023, first: 40, after });
      total = data.cyberScans.totalCount;
      ids.push(...data.cyberScans.nodes.map((scan: { id: string }) => scan.id));
      dates.push(...data.cyberScans.nodes.map((scan: { scannedOn: string }) => scan.scannedOn));
      if (!data.cyberScans.pageInfo.hasNextPage) break;
      after = data.cyberScans.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(80);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(dates).toEqual([...dates].sort());
  });

  it('names unknown codes with NOT_FOUND and refuses bad arguments with BAD_USER_INPUT', async () => {
    const scan = await graphql(subgraph.url, '{ cyberScan(id: "CS-GM0000-1999-0001") { id } }');
    expect(scan.errors?.[0]).toMatchObject({
      message: 'CyberScan "CS-GM0000-1999-0001" does not exist.',
      extensions: { code: 'NOT_FOUND' },
    });
    const region = await graphql(subgraph.url, '{ cyberScans(region: "QQ") { totalCount } }');
    expect(region.errors?.[0]).toMatchObject({ message: 'Region "QQ" does not exist.', extensions: { code: 'NOT_FOUND' } });
    const municipality = await graphql(subgraph.url, '{ cyberScans(municipality: "GM9999") { totalCount } }');
    expect(municipality.errors?.[0]).toMatchObject({
      message: 'Municipality "GM9999" does not exist.',
      extensions: { code: 'NOT_FOUND' },
    });
    const range = await graphql(subgraph.url, '{ cyberScans(from: "2024-01-01", to: "2023-01-01") { totalCount } }');
    expect(range.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'from' } });
    // A bad date in a variable reaches the Date scalar (a literal fails validation earlier).
    const date = await graphql(subgraph.url, LIST, { from: '2024-02-30' });
    expect(date.errors?.[0]).toMatchObject({
      message: expect.stringContaining('"2024-02-30" is not a date'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const year = await graphql(subgraph.url, '{ cyberScans(year: 1850) { totalCount } }');
    expect(year.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'year' } });
    const page = await graphql(subgraph.url, '{ cyberScans(first: 500) { totalCount } }');
    expect(page.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'first' } });
    const cursor = await graphql(subgraph.url, '{ cyberScans(after: "bm9wZQ") { totalCount } }');
    expect(cursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('cyber subgraph: only the owner sees a scan', () => {
  it('lists only the caller organisation’s own scans, each with that owner', async () => {
    const data = await graphqlOk(subgraph.url, '{ cyberScans(first: 100) { totalCount nodes { instrument owner { id } } } }');
    expect(data.cyberScans.totalCount).toBeGreaterThan(100);
    for (const scan of data.cyberScans.nodes) expect(scan).toEqual({ instrument: 'DTC_BASISSCAN', owner: { id: 'dtc' } });
  });

  it('refuses another organisation’s scan with FORBIDDEN at its path, directly and through _entities', async () => {
    const { cyberScans } = await pentester.graphqlOk(subgraph.url, '{ cyberScans(first: 1) { nodes { id } } }');
    const id = cyberScans.nodes[0].id;
    const direct = await graphql(subgraph.url, `{ cyberScan(id: "${id}") { id overallScore } }`);
    expect(direct.data).toEqual({ cyberScan: null });
    expect(direct.errors).toMatchObject([{ path: ['cyberScan'], extensions: { code: 'FORBIDDEN' } }]);
    const entity = await graphql(subgraph.url, `{ _entities(representations: [{__typename: "CyberScan", id: "${id}"}]) { ... on CyberScan { overallScore } } }`);
    expect(entity.data).toEqual({ _entities: [null] });
    expect(entity.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the scan list to a caller without an org claim, and a forged header, without a crash', async () => {
    const none = await anonymous(subgraph.url, '{ cyberScans { totalCount } country: _entities(representations: [{__typename: "Country", code: "NL"}]) { ... on Country { cyber { scanCount } } } }');
    expect(none.data?.cyberScans).toBeNull();
    expect(none.errors).toMatchObject([{ path: ['cyberScans'], extensions: { code: 'FORBIDDEN' } }]);
    expect((none.data as any).country[0].cyber.scanCount).toBeGreaterThan(0);
    const forged = await anonymous(subgraph.url, '{ cyberScans { totalCount } }', {}, { authorization: 'Bearer not.a.token' });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
