// The attacker: asks the real cyber subgraph (real database) for every summary it may see, with
// filters that make cells small, and tries every subtraction it can. Nothing withheld may come out.
import { authHeaders, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCyberSubgraph } from '../src/subgraph.js';
import { Attacker, PLACES, cyberArguments, type AttackFilter } from './attacker.js';

const FIGURES = 'scanCount companyCount averageScore suppressed suppression';
const SUMMARY = `${FIGURES} perYear(from: 2018, to: 2026) { year ${FIGURES} }
  byInstrument { instrument ${FIGURES} } bySector { sector ${FIGURES} }`;

const FILTERS: AttackFilter[] = [
  {},
  { instrument: 'KVO_CYBER' },
  { instrument: 'PENTEST' },
  { sector: 'AGRICULTURE' },
  { sector: 'HEALTHCARE', instrument: 'DTC_BASISSCAN' },
  { year: 2025 },
  { year: 2020 },
  { year: 2021, sector: 'RETAIL' },
  { year: 2024, instrument: 'KVO_CYBER' },
];

async function attack(url: string, filters: AttackFilter[]) {
  const attacker = new Attacker();
  const headers = await authHeaders({ scopes: ['national:read'] });
  const reps = PLACES.map((code) => (code === 'NL' ? { __typename: 'Country', code } : { __typename: code.startsWith('GM') ? 'Municipality' : 'Region', code }));
  for (const filter of filters) {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Country { code national: cyber${cyberArguments(filter)} { ${SUMMARY} } }
      ... on Region { code cyber${cyberArguments(filter)} { ${SUMMARY} } }
      ... on Municipality { code cyber${cyberArguments(filter)} { ${SUMMARY} } } } }`;
    const data = await graphqlOk(url, query, { reps }, headers);
    for (const place of data._entities) attacker.collect(place.code, filter, place.national ?? place.cyber);
  }
  return attacker;
}

describe.each([5, 10])('the attacker against k = %i', (k) => {
  let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
  let attacker: Attacker;
  beforeAll(async () => {
    subgraph = await startTestSubgraph(createCyberSubgraph({ minGroupSize: k }));
    attacker = await attack(subgraph.url, k === 5 ? FILTERS : FILTERS.slice(0, 4));
  });
  afterAll(() => subgraph?.close());

  it('finds withheld cells of both kinds, so the attack is not vacuous', () => {
    const withheld = [...attacker.seen.values()].filter((seen) => seen.scans === null);
    expect(withheld.length).toBeGreaterThan(50);
    expect(attacker.relations().length).toBeGreaterThan(1000);
  });

  it('never sees a published figure about fewer than k companies', () => {
    for (const seen of attacker.seen.values()) {
      if (seen.companies !== null && seen.companies > 0) expect(seen.companies).toBeGreaterThanOrEqual(k);
    }
  });

  it('sees every cell the same way, whichever filter or breakdown reached it', () => {
    expect(attacker.contradictions).toEqual([]);
  });

  it('recovers no withheld count, and no withheld average through averages times counts', () => {
    expect([...attacker.recover().keys()]).toEqual([]);
  });
});

describe('the attacker itself', () => {
  it('does recover a cell that only primary suppression hides', () => {
    const attacker = new Attacker();
    const figure = (scanCount: number | null, averageScore: number | null = 50) => ({ scanCount, companyCount: scanCount, averageScore });
    const summary = (total: number, byInstrument: [string, number | null][]) => ({
      ...figure(total),
      perYear: [],
      byInstrument: byInstrument.map(([instrument, n]) => ({ instrument, ...figure(n, n === null ? null : 50) })),
      bySector: [],
    });
    attacker.collect('NL', { sector: 'RETAIL' }, summary(30, [['DTC_BASISSCAN', 20], ['KVO_CYBER', 7], ['PENTEST', null]]));
    const recovered = attacker.recover();
    expect(recovered.get('NL|*|PENTEST|RETAIL')).toEqual({ scans: 3, scoreSum: 150, companies: null });
  });
});
