import { graphqlOk, startTestSubgraph, withToken } from '@vo/kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScans } from '../src/seed/generate.js';
import { cyberSubgraph } from '../src/subgraph.js';
import { selectRows } from './sql.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(cyberSubgraph);
});
afterAll(() => subgraph?.close());

const rows = <T>(query: string) => selectRows<T>(subgraph.database.db, sql.raw(query));

describe('cyber subgraph: synthetic seed', () => {
  it('generates the same scans every time', () => {
    const first = generateScans();
    expect(generateScans()).toEqual(first);
    expect(first.every((scan) => scan.synthetic)).toBe(true);
  });

  it('seeds idempotently', async () => {
    const query = '{ cyberScans(first: 5, sector: HEALTHCARE) { totalCount nodes { id scannedOn overallScore } } }';
    // Individual scans are visible only to their owner: DTC holds the Basisscan records.
    const dtc = withToken({ scopes: [], organisation: 'dtc' });
    const before = await dtc.graphqlOk(subgraph.url, query);
    expect(before.cyberScans.totalCount).toBeGreaterThan(0);
    await cyberSubgraph.seed(subgraph.database.db);
    expect(await dtc.graphqlOk(subgraph.url, query)).toEqual(before);
    const [{ scans }] = await rows<{ scans: number }>('select count(*)::int as scans from cyber.scan');
    expect(scans).toBe(generateScans().length);
    expect(scans).toBeGreaterThanOrEqual(8000);
    expect(scans).toBeLessThanOrEqual(15000);
  });

  it('uses each instrument where and when the sources place it', async () => {
    const places = await rows<{ instrument: string; regions: string[]; municipalities: number; first_year: number }>(`
      select instrument, array_agg(distinct region_code order by region_code) as regions,
        count(distinct municipality_code)::int as municipalities, min(extract(year from scanned_on))::int as first_year
      from cyber.scan group by instrument order by instrument`);
    const of = (instrument: string) => places.find((row) => row.instrument === instrument)!;
    expect(of('PENTEST').regions).toEqual(['AA', 'LB']);
    expect(of('MUNICIPAL_MEASUREMENT')).toMatchObject({ regions: ['RR'], municipalities: 20 });
    expect(of('KVO_CYBER').first_year).toBe(2021);
    expect(of('DTC_BASISSCAN').municipalities).toBe(342);
    const [{ last }] = await rows<{ last: string }>(`select max(scanned_on)::text as last from cyber.scan`);
    expect(last <= '2026-11-22').toBe(true);
  });

  it('makes the Basisscan the most common instrument, growing year by year', async () => {
    const data = await graphqlOk(subgraph.url, `{ _entities(representations: [{ __typename: "Country", code: "NL" }]) {
      ... on Country { cyber { byInstrument { instrument scanCount } }
        dtc: cyber(instrument: DTC_BASISSCAN) { perYear(from: 2018, to: 2025) { scanCount averageScore } } } } }`);
    const { cyber, dtc } = data._entities[0];
    const top = [...cyber.byInstrument].sort((a: any, b: any) => b.scanCount - a.scanCount)[0];
    expect(top.instrument).toBe('DTC_BASISSCAN');
    const counts = dtc.perYear.map((year: { scanCount: number }) => year.scanCount);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(dtc.perYear.at(-1).averageScore).toBeGreaterThan(dtc.perYear[0].averageScore);
  });

  it('scores larger companies higher and reuses companies for repeat scans', async () => {
    const sizes = await rows<{ size_class: string; overall: number }>(`
      select size_class,
        avg((governance + awareness + access_control + software_updates + backups + incident_response) / 6.0)::float8 as overall
      from cyber.scan group by size_class`);
    const overall = Object.fromEntries(sizes.map((row) => [row.size_class, row.overall]));
    expect(overall.SOLO).toBeLessThan(overall.MICRO);
    expect(overall.MICRO).toBeLessThan(overall.SMALL);
    expect(overall.SMALL).toBeLessThan(overall.MEDIUM);
    const [{ repeated }] = await rows<{ repeated: number }>(`
      select count(*)::int as repeated from (select company_ref from cyber.scan group by company_ref having count(*) > 1) as companies`);
    expect(repeated).toBeGreaterThan(500);
  });

  it('leaves realistic small groups: places where an instrument reached fewer than 5 companies', async () => {
    const [{ small }] = await rows<{ small: number }>(`
      select count(*)::int as small from (select municipality_code, instrument from cyber.scan
        group by municipality_code, instrument having count(distinct company_ref) < 5) as groups`);
    expect(small).toBeGreaterThan(20);
  });
});
