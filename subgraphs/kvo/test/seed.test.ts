import { MUNICIPALITIES, SITES } from '@vo/kit';
import { graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { and, count, eq, gte, max, min, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../src/db/schema.js';
import { generateCertifications } from '../src/seed/index.js';
import { kvoSubgraph } from '../src/subgraph.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(kvoSubgraph);
});
afterAll(() => subgraph?.close());

const SEED_DATE = '2026-11-22';
const businessParks = SITES.filter((site) => site.kind === 'BUSINESS_PARK');
const siteById = new Map(SITES.map((site) => [site.id, site]));

const country = (selection: string) =>
  graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Country { ${selection} } } }`, {
    reps: [{ __typename: 'Country', code: 'NL', businessParkCount: businessParks.length }],
  }).then((data) => data._entities[0]);

describe('kvo subgraph: synthetic seed', () => {
  it('generates the same certificates every time, every one synthetic', () => {
    const first = generateCertifications();
    expect(generateCertifications()).toEqual(first);
    expect(first.every((row) => row.synthetic)).toBe(true);
    expect(first.length).toBeGreaterThan(4000);
  });

  it('seeds idempotently', async () => {
    const query = '{ certifications(first: 5, region: "LB", scheme: KVO_W) { totalCount nodes { id certifiedOn kind themes } } }';
    const before = await graphqlOk(subgraph.url, query);
    await kvoSubgraph.seed(subgraph.database.db);
    expect(await graphqlOk(subgraph.url, query)).toEqual(before);
    const [{ rows }] = await subgraph.database.db.select({ rows: count() }).from(certifications);
    expect(rows).toBe(generateCertifications().length);
    expect(await kvoSubgraph.isSeeded(subgraph.database.db)).toBe(true);
  });

  it('has 211 KVO-B certifications in 2019, 44 of them first-time (DOMAIN.md section 3)', async () => {
    const { kvo } = await country('kvo(asOf: "2026-11-22") { perYear(from: 2019, to: 2019, scheme: KVO_B) { year certifications firstCertifications recertifications } }');
    expect(kvo.perYear).toEqual([{ year: 2019, certifications: 211, firstCertifications: 44, recertifications: 167 }]);
    const list = await graphqlOk(subgraph.url, `{ all: certifications(year: 2019, scheme: KVO_B, first: 0) { totalCount }
      firsts: certifications(year: 2019, scheme: KVO_B, kind: FIRST, first: 0) { totalCount } }`);
    expect(list).toEqual({ all: { totalCount: 211 }, firsts: { totalCount: 44 } });
  });

  it('has about a quarter of the business parks holding a valid KVO-B certificate on the seed date', async () => {
    const { kvo } = await country(`kvo(asOf: "${SEED_DATE}") { certifiedBusinessParks businessParks businessParkCoverage }`);
    expect(kvo.businessParks).toBe(3968);
    expect(kvo.businessParkCoverage).toBeGreaterThanOrEqual(0.23);
    expect(kvo.businessParkCoverage).toBeLessThanOrEqual(0.27);
    const valid = await graphqlOk(subgraph.url, `{ certifications(scheme: KVO_B, status: VALID, asOf: "${SEED_DATE}", first: 0) { totalCount } }`);
    // A park holds at most one KVO-B chain and renewals start the day after the old certificate ends.
    expect(valid.certifications.totalCount).toBe(kvo.certifiedBusinessParks);
  });

  it("shows Den Haag's KVO projects roughly halved between 2018 and 2026 (DOMAIN.md section 2)", async () => {
    const validKvoB = async (asOf: string) =>
      (await graphqlOk(subgraph.url, `{ certifications(region: "DH", scheme: KVO_B, status: VALID, asOf: "${asOf}", first: 0) { totalCount } }`))
        .certifications.totalCount;
    const [then, now] = [await validKvoB('2018-01-01'), await validKvoB('2026-01-01')];
    expect(then).toBeGreaterThan(40);
    expect(now / then).toBeGreaterThan(0.4);
    expect(now / then).toBeLessThan(0.6);
    // Nationally the number grows in the same years, so the decline is Den Haag's own.
    const national = async (asOf: string) =>
      (await graphqlOk(subgraph.url, `{ certifications(scheme: KVO_B, status: VALID, asOf: "${asOf}", first: 0) { totalCount } }`)).certifications.totalCount;
    expect(await national('2026-01-01')).toBeGreaterThan(await national('2018-01-01'));
  });

  it('has Bronckhorst as the first municipality with a Veilig Buitengebied certificate (2017), the Achterhoek following', async () => {
    const data = await graphqlOk(subgraph.url, `{ certifications(scheme: VEILIG_BUITENGEBIED, first: 8) {
      nodes { id certifiedOn kind municipality { code } site { id } } } }`);
    const [first, ...next] = data.certifications.nodes;
    expect(first).toMatchObject({ kind: 'FIRST', municipality: { code: 'GM1876' } });
    expect(first.certifiedOn.slice(0, 4)).toBe('2017');
    expect(siteById.get(first.site.id)?.kind).toBe('RURAL_AREA');
    const achterhoek = ['GM0197', 'GM0222', 'GM0294', 'GM1509', 'GM1586', 'GM1859', 'GM1876', 'GM1955'];
    const municipalities = new Set([first, ...next].map((n: any) => n.municipality.code));
    expect([...municipalities].sort()).toEqual(achterhoek);
    for (const later of next) expect(later.certifiedOn > first.certifiedOn).toBe(true);
  });

  it('keeps cyber and ondermijning themes to certificates from 2016 on, and a growing share takes them up', async () => {
    const db = subgraph.database.db;
    const withNewTheme = sql`${certifications.themes} && array['CYBER', 'UNDERMINING']::text[]`;
    const [{ first }] = await db.select({ first: min(certifications.certifiedOn) }).from(certifications).where(withNewTheme);
    expect(first! >= '2016-01-01').toBe(true);
    const share = async (year: number) => {
      const inYear = sql`extract(year from ${certifications.certifiedOn}) = ${year}`;
      const [all] = await db.select({ n: count() }).from(certifications).where(and(inYear, eq(certifications.scheme, 'KVO_B')));
      const [themed] = await db.select({ n: count() }).from(certifications).where(and(inYear, eq(certifications.scheme, 'KVO_B'), withNewTheme));
      return themed.n / all.n;
    };
    expect(await share(2016)).toBeGreaterThan(0.2);
    expect(await share(2025)).toBeGreaterThan(await share(2016));
  });

  it('certifies each kind of site under its own scheme, with the KVO Cyber pilot small, recent and on KVO-B parks', async () => {
    const rows = generateCertifications();
    const schemeOfKind = { BUSINESS_PARK: ['KVO_B', 'KVO_CYBER'], SHOPPING_AREA: ['KVO_W'], RURAL_AREA: ['VEILIG_BUITENGEBIED'] };
    for (const row of rows) {
      const site = siteById.get(row.siteId)!;
      expect(schemeOfKind[site.kind]).toContain(row.scheme);
      expect(row).toMatchObject({ siteKind: site.kind, municipalityCode: site.municipalityCode, regionCode: site.regionCode });
    }
    const pilot = rows.filter((row) => row.scheme === 'KVO_CYBER');
    expect(pilot.length).toBeGreaterThan(0);
    expect(pilot.length).toBeLessThanOrEqual(15);
    for (const certificate of pilot) {
      expect(certificate.certifiedOn >= '2021-01-01').toBe(true);
      const holdsKvoB = rows.some((row) => row.scheme === 'KVO_B' && row.siteId === certificate.siteId
        && row.certifiedOn <= certificate.certifiedOn && row.validUntil! >= certificate.certifiedOn);
      expect(holdsKvoB, certificate.id).toBe(true);
    }
  });

  it('has Assen quit (DOMAIN.md section 3) and no certificate after the seed date', async () => {
    const db = subgraph.database.db;
    const assen = MUNICIPALITIES.find((m) => m.name === 'Assen')!.code;
    const [before] = await db.select({ n: count() }).from(certifications).where(eq(certifications.municipalityCode, assen));
    const [after] = await db.select({ n: count() }).from(certifications)
      .where(and(eq(certifications.municipalityCode, assen), gte(certifications.certifiedOn, '2018-01-01')));
    expect(before.n).toBeGreaterThan(0);
    expect(after.n).toBe(0);
    const [{ last, earliest }] = await db.select({ last: max(certifications.certifiedOn), earliest: min(certifications.certifiedOn) }).from(certifications);
    expect(last! <= SEED_DATE).toBe(true);
    expect(earliest! >= '2011-01-01').toBe(true);
  });
});
