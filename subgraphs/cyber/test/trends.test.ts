import { NATIONAL_READ, REGION_CODES } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCyberSubgraph } from '../src/subgraph.js';

// Breakdowns are detail: read as a ministry analyst, so every cell the pattern publishes is visible.
const { graphqlOk } = withToken({ scopes: [NATIONAL_READ] });

/**
 * A minimum group size large enough that some regions' years fall under it (a few hundred companies a year at most),
 * so the table holds withheld cells (primary and secondary) beside published ones.
 */
const MIN_GROUP_SIZE = 150;
const YEARS = Array.from({ length: 10 }, (_, i) => 2016 + i);
const CELL = `scanCount companyCount averageScore suppressed suppression averages { domain average }
  byInstrument { instrument scanCount suppressed suppression } bySector { sector scanCount suppressed suppression }`;

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(createCyberSubgraph({ minGroupSize: MIN_GROUP_SIZE }));
});
afterAll(() => subgraph?.close());

const entities = (reps: object[], selection: string) =>
  graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps });
const trendReps = (places: readonly string[], periods: readonly (number | string)[]) =>
  places.flatMap((place) => periods.map((period) => ({ __typename: 'TrendRow', place, period: String(period) })));
const perYear = YEARS.map((year) => `y${year}: cyber(year: ${year}) { ${CELL} }`).join('\n');

describe('cyber subgraph: trend rows', () => {
  it('gives every row the very cell Region.cyber(year:) or Country.cyber(year:) gives, withheld the same way', async () => {
    const trend = await entities(trendReps([...REGION_CODES, 'NL'], YEARS), `... on TrendRow { place period cyber { ${CELL} } }`);
    const places = await entities(
      [...REGION_CODES.map((code) => ({ __typename: 'Region', code })), { __typename: 'Country', code: 'NL' }],
      `... on Region { code ${perYear} } ... on Country { code ${perYear} }`,
    );
    const byPlace = new Map(places._entities.map((place: any) => [place.code, place]));
    const suppression = new Set<string>();
    for (const row of trend._entities) {
      expect(row.cyber, `${row.place} ${row.period}`).toEqual((byPlace.get(row.place) as any)[`y${row.period}`]);
      suppression.add(String(row.cyber.suppression));
      for (const entry of [...row.cyber.byInstrument, ...row.cyber.bySector]) suppression.add(String(entry.suppression));
    }
    // The comparison covered published cells and both kinds of withheld ones.
    expect([...suppression].sort()).toEqual(['PRIMARY', 'SECONDARY', 'null']);
  });

  it('has no figures for a quarter: suppression protects whole years only', async () => {
    const data = await entities(trendReps(['NN', 'NL'], ['2024-Q1', '2024-Q4']), '... on TrendRow { period cyber { scanCount } }');
    expect(data._entities.map((row: any) => row.cyber)).toEqual([null, null, null, null]);
  });

  it('costs the same statements for a whole table as for one row', async () => {
    const cost = async (reps: object[]) => {
      const before = subgraph.database.statements.count;
      const data = await entities(reps, `... on TrendRow { cyber { ${CELL} } }`);
      expect(data._entities).toHaveLength(reps.length);
      return subgraph.database.statements.count - before;
    };
    const one = await cost(trendReps(['NN'], [2024]));
    // The total (with the domain averages), by instrument and by sector: one statement each.
    expect(one).toBe(3);
    expect(await cost(trendReps(REGION_CODES, YEARS))).toBe(one);
  });
});
