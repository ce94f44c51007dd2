import { MUNICIPALITIES, REGION_CODES, SITES } from '@vo/kit';
import { graphql, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { and, between, count, eq, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../src/db/schema.js';
import { kvoSubgraph } from '../src/subgraph.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(kvoSubgraph);
});
afterAll(() => subgraph?.close());

const AS_OF = '2026-11-22';
/** The business-park count the gateway would fetch from the regions subgraph for `@requires`. */
const parks = (key: (site: (typeof SITES)[number]) => string, value: string) =>
  SITES.filter((site) => site.kind === 'BUSINESS_PARK' && key(site) === value).length;
const regionReps = (codes: readonly string[]) =>
  codes.map((code) => ({ __typename: 'Region', code, businessParkCount: parks((s) => s.regionCode, code) }));
const countryRep = { __typename: 'Country', code: 'NL', businessParkCount: parks(() => 'NL', 'NL') };

const entities = (reps: object[], selection: string) =>
  graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps });

const SUMMARY = `kvo(asOf: "${AS_OF}") { asOf validCertificates certifiedSites certifiedBusinessParks businessParks businessParkCoverage
  expiringWithinDays expiringSoon expiring(first: 0) { totalCount }
  perYear(from: 2011, to: 2026) { year certifications firstCertifications recertifications expired } }`;
const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);
const MEASURES = ['validCertificates', 'certifiedSites', 'certifiedBusinessParks', 'businessParks', 'expiringSoon'] as const;
const YEAR_MEASURES = ['certifications', 'firstCertifications', 'recertifications', 'expired'] as const;

describe('kvo subgraph: summaries', () => {
  it('adds the ten regions up to the country, in every measure and every year', async () => {
    const data = await entities([...regionReps(REGION_CODES), countryRep], `... on Region { code ${SUMMARY} } ... on Country { ${SUMMARY} }`);
    const regions = data._entities.slice(0, 10).map((r: any) => r.kvo);
    const country = data._entities[10].kvo;
    expect(country.validCertificates).toBeGreaterThan(1000);
    for (const measure of MEASURES) expect(sum(regions, (r: any) => r[measure]), measure).toBe(country[measure]);
    expect(sum(regions, (r: any) => r.expiring.totalCount)).toBe(country.expiring.totalCount);
    country.perYear.forEach((year: any, i: number) => {
      expect(year.year).toBe(2011 + i);
      for (const measure of YEAR_MEASURES) expect(sum(regions, (r: any) => r.perYear[i][measure]), `${year.year} ${measure}`).toBe(year[measure]);
      expect(year.firstCertifications + year.recertifications).toBe(year.certifications);
    });
    expect(country.businessParkCoverage).toBeCloseTo(country.certifiedBusinessParks / country.businessParks, 10);
  });

  it("adds a region's municipalities up to the region", async () => {
    const codes = MUNICIPALITIES.filter((m) => m.regionCode === 'OB').map((m) => m.code);
    const reps = codes.map((code) => ({ __typename: 'Municipality', code, businessParkCount: parks((s) => s.municipalityCode, code) }));
    const municipalities = (await entities(reps, `... on Municipality { ${SUMMARY} }`))._entities.map((m: any) => m.kvo);
    const region = (await entities(regionReps(['OB']), `... on Region { ${SUMMARY} }`))._entities[0].kvo;
    for (const measure of MEASURES) expect(sum(municipalities, (m: any) => m[measure]), measure).toBe(region[measure]);
    const y2019 = region.perYear.findIndex((y: any) => y.year === 2019);
    expect(sum(municipalities, (m: any) => m.perYear[y2019].certifications)).toBe(region.perYear[y2019].certifications);
  });

  it('lists the certificates expiring within the window, the first to end first', async () => {
    const data = await entities(regionReps(['RR']), `... on Region { kvo(asOf: "2025-03-01", expiringWithinDays: 90) {
      asOf expiringWithinDays expiringSoon validCertificates
      expiring(first: 100) { totalCount nodes { id validUntil certifiedOn region { code } } pageInfo { hasNextPage } } } }`);
    const { kvo } = data._entities[0];
    expect(kvo).toMatchObject({ asOf: '2025-03-01', expiringWithinDays: 90 });
    expect(kvo.expiringSoon).toBeGreaterThan(0);
    expect(kvo.expiringSoon).toBeLessThan(kvo.validCertificates);
    expect(kvo.expiring.totalCount).toBe(kvo.expiringSoon);
    const nodes = kvo.expiring.nodes;
    expect(nodes).toHaveLength(Math.min(100, kvo.expiringSoon));
    for (const node of nodes) {
      expect(node.region).toEqual({ code: 'RR' });
      expect(node.certifiedOn <= '2025-03-01').toBe(true);
      expect(node.validUntil >= '2025-03-01' && node.validUntil <= '2025-05-30').toBe(true);
    }
    const order = nodes.map((n: any) => `${n.validUntil} ${n.id}`);
    expect([...order].sort()).toEqual(order);
    const next = await entities(regionReps(['RR']), `... on Region { kvo(asOf: "2025-03-01", expiringWithinDays: 90) {
      expiring(first: 2, after: ${JSON.stringify(Buffer.from(JSON.stringify([nodes[0].validUntil, nodes[0].id])).toString('base64url'))}) { nodes { id } } } }`);
    expect(next._entities[0].kvo.expiring.nodes.map((n: any) => n.id)).toEqual(nodes.slice(1, 3).map((n: any) => n.id));
  });

  it('counts as expired the certificates that ended in a year without renewal, as a direct SQL count does', async () => {
    const data = await entities(regionReps(['DH']), `... on Region {
      now: kvo(asOf: "${AS_OF}") { perYear(from: 2020, to: 2022, scheme: KVO_B) { year expired } }
      then: kvo(asOf: "2021-01-01") { perYear(from: 2020, to: 2020, scheme: KVO_B) { year expired } } }`);
    const renewal = alias(certifications, 'renewal');
    const lapsed = async (year: number, asOf: string) => {
      const rows = await subgraph.database.db
        .select({ id: certifications.id, renewedBy: renewal.id })
        .from(certifications)
        .leftJoin(renewal, eq(renewal.previousId, certifications.id))
        .where(and(eq(certifications.regionCode, 'DH'), eq(certifications.scheme, 'KVO_B'),
          between(certifications.validUntil, `${year}-01-01`, `${year}-12-31`), lt(certifications.validUntil, asOf)));
      return rows.filter((row) => row.renewedBy === null).length;
    };
    const { now, then } = data._entities[0];
    expect(now.perYear.map((y: any) => y.expired)).toEqual([await lapsed(2020, AS_OF), await lapsed(2021, AS_OF), await lapsed(2022, AS_OF)]);
    expect(now.perYear[0].expired).toBeGreaterThan(0);
    // On 1 January 2021 the renewals of 2021 had not happened, but 2020's lapses are known.
    expect(then.perYear[0].expired).toBe(now.perYear[0].expired);
  });

  it('takes businessParks from the representation and gives coverage 0 for a place without business parks', async () => {
    const data = await entities(
      [{ __typename: 'Region', code: 'AA', businessParkCount: 0 }, { __typename: 'Region', code: 'AA', businessParkCount: 1000 }],
      '... on Region { kvo(asOf: "2026-11-22") { businessParks certifiedBusinessParks businessParkCoverage } }',
    );
    const [none, thousand] = data._entities.map((r: any) => r.kvo);
    expect(none).toMatchObject({ businessParks: 0, businessParkCoverage: 0 });
    expect(thousand.businessParks).toBe(1000);
    expect(thousand.businessParkCoverage).toBeCloseTo(thousand.certifiedBusinessParks / 1000, 10);
    const missing = await graphql(subgraph.url, '{ _entities(representations: [{__typename: "Region", code: "AA"}]) { ... on Region { kvo { businessParks } } } }');
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses bad summary arguments with BAD_USER_INPUT', async () => {
    const reps = regionReps(['NN']);
    const ask = (selection: string) =>
      graphql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { ${selection} } } }`, { reps });
    expect((await ask('kvo(expiringWithinDays: -1) { expiringSoon }')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'expiringWithinDays' },
    });
    expect((await ask('kvo { perYear(from: 2026, to: 2018) { year } }')).errors?.[0]).toMatchObject({
      message: 'from (2026) is after to (2018).',
      extensions: { code: 'BAD_USER_INPUT', argument: 'from' },
    });
    expect((await ask('kvo(asOf: "2026-02-30") { validCertificates }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ask('kvo { expiring(first: 101) { totalCount } }')).errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argument: 'first' },
    });
  });

  it('costs the same number of statements for 10 regions as for 2', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { code
      kvo(asOf: "${AS_OF}") { validCertificates certifiedBusinessParks businessParkCoverage expiringSoon
        expiring(first: 3) { totalCount nodes { id previous { id } } }
        perYear(from: 2017, to: 2026, scheme: KVO_B) { year certifications expired } }
      then: kvo(asOf: "2018-01-01") { validCertificates } } } }`;
    const cost = async (codes: readonly string[]) => {
      const before = subgraph.database.statements.count;
      const data = await graphqlOk(subgraph.url, query, { reps: regionReps(codes) });
      expect(data._entities.map((r: any) => r.code)).toEqual(codes);
      for (const region of data._entities) expect(region.kvo.expiring.nodes).toHaveLength(3);
      return subgraph.database.statements.count - before;
    };
    const two = await cost(['NN', 'LB']);
    const ten = await cost(REGION_CODES);
    // totals twice (two days), perYear, the expiring pages, their counts, and the previous certificates.
    expect(two).toBe(6);
    expect(ten).toBe(two);
  });

  it('counts statements for many municipalities as for one', async () => {
    const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Municipality {
      kvo(asOf: "${AS_OF}") { certifiedSites expiring(first: 1) { nodes { id } } perYear(from: 2019, to: 2019) { certifications } } } } }`;
    const reps = (codes: string[]) => codes.map((code) => ({ __typename: 'Municipality', code, businessParkCount: 1 }));
    const cost = async (codes: string[]) => {
      const before = subgraph.database.statements.count;
      await graphqlOk(subgraph.url, query, { reps: reps(codes) });
      return subgraph.database.statements.count - before;
    };
    const one = await cost(['GM0363']);
    expect(await cost(MUNICIPALITIES.slice(0, 60).map((m) => m.code))).toBe(one);
    const [{ n }] = await subgraph.database.db.select({ n: count() }).from(certifications).where(eq(certifications.municipalityCode, 'GM0363'));
    expect(n).toBeGreaterThan(0);
  });
});
