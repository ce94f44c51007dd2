// The README's example operations (schema/operations), run through the real gateway over the four real
// subgraphs, each checked against what DOMAIN.md says the answer must show.
import { graphql } from '@vo/kit/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { asNational } from './support/roles.js';

// The operations read national detail (amounts per funder, every municipality's cyber figures): a ministry analyst's token.
const { graphqlOk } = asNational;

const OPERATIONS_DIR = new URL('../schema/operations/', import.meta.url);
const operation = (name: string) => readFileSync(new URL(`${name}.graphql`, OPERATIONS_DIR), 'utf8');
const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(() => hub?.close());

describe('the README operations through the gateway', () => {
  it.each(readdirSync(OPERATIONS_DIR).filter((file) => file.endsWith('.graphql')))('%s runs without errors', async (file) => {
    const data = await graphqlOk(hub.url, readFileSync(new URL(file, OPERATIONS_DIR), 'utf8'));
    expect(Object.keys(data).length).toBeGreaterThan(0);
  });

  it('NationalOverview joins all four partners for every region, and the regions add up to the country', async () => {
    const data = await graphqlOk(hub.url, operation('NationalOverview'));
    expect(data.regions).toHaveLength(10);
    for (const region of data.regions) {
      expect(region.pvo.legalForm).toMatch(/^[A-Z_]+$/);
      expect(region.municipalityCount).toBeGreaterThan(0);
      expect(region.kvo.businessParks).toBeGreaterThan(0);
      expect(region.kvo.businessParkCoverage).toBeCloseTo(region.kvo.certifiedBusinessParks / region.kvo.businessParks, 10);
      expect(region.funding.perYear.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
      for (const year of region.funding.perYear) expect(sum(year.byFunder, (f: { amountCents: number }) => f.amountCents)).toBe(year.totalCents);
      expect(region.cyber.averageScore).toBeGreaterThan(0);
    }
    expect(sum(data.regions, (r: any) => r.municipalityCount)).toBe(342);
    expect(sum(data.regions, (r: any) => r.kvo.businessParks)).toBe(data.country.businessParkCount);
    expect(sum(data.regions, (r: any) => r.kvo.certifiedBusinessParks)).toBe(data.country.kvo.certifiedBusinessParks);
    // DOMAIN.md: about a quarter of business parks hold a valid certificate.
    expect(data.country.kvo.businessParkCoverage).toBeGreaterThan(0.23);
    expect(data.country.kvo.businessParkCoverage).toBeLessThan(0.27);
  });

  it('KvoCertificationsPerYear shows 211 KVO-B certifications in 2019, 44 of them first-time, and the regions add up', async () => {
    const data = await graphqlOk(hub.url, operation('KvoCertificationsPerYear'));
    const national = data.country.kvo.perYear.find((y: { year: number }) => y.year === 2019);
    expect(national).toMatchObject({ certifications: 211, firstCertifications: 44, recertifications: 167 });
    const regions2019 = data.regions.map((r: any) => r.kvo.perYear[0]);
    expect(sum(regions2019, (y: any) => y.certifications)).toBe(211);
    expect(sum(regions2019, (y: any) => y.firstCertifications)).toBe(44);
  });

  it('ExpiringCertificates lists only certificates ending within 12 months, and shows Den Haag about halved since 2018', async () => {
    const data = await graphqlOk(hub.url, operation('ExpiringCertificates'), { first: 100 });
    const { then, now } = data.region;
    expect(now.validCertificates / then.validCertificates).toBeGreaterThan(0.35);
    expect(now.validCertificates / then.validCertificates).toBeLessThan(0.65);
    expect(now.expiring.totalCount).toBe(now.expiringSoon);
    const limit = new Date(now.asOf);
    limit.setUTCDate(limit.getUTCDate() + 365);
    for (const certificate of now.expiring.nodes) {
      expect(certificate.validUntil >= now.asOf).toBe(true);
      expect(certificate.validUntil <= limit.toISOString().slice(0, 10)).toBe(true);
    }
  });

  it('FundingMix tells regions funded by central government alone from those with other funders', async () => {
    const data = await graphqlOk(hub.url, operation('FundingMix'));
    const only = data.regions.filter((r: any) => r.funding.dependsOnlyOnCentralGovernment).map((r: any) => r.code);
    expect(only.length).toBeGreaterThan(0);
    expect(only.length).toBeLessThan(10);
    for (const region of data.regions) {
      expect(region.funding.earmarkedShare).toBeGreaterThanOrEqual(0);
      expect(region.funding.earmarkedShare).toBeLessThanOrEqual(1);
    }
  });

  it("CyberPerMunicipality: a region's scans are its municipalities' scans, small groups withheld", async () => {
    const data = await graphqlOk(hub.url, operation('CyberPerMunicipality'));
    const { cyber, municipalities } = data.region;
    // What is published adds up; what is withheld is null, never alone (else it is the total minus the rest).
    const addsUp = (total: number, parts: { scanCount: number | null; suppressed: boolean }[]) => {
      const withheld = parts.filter((part) => part.suppressed);
      for (const part of parts) expect(part.scanCount === null).toBe(part.suppressed);
      expect(withheld.length).not.toBe(1);
      const remainder = total - sum(parts, (part) => part.scanCount ?? 0);
      expect(remainder > 0).toBe(withheld.length > 0);
      expect(remainder).toBeGreaterThanOrEqual(0);
    };
    expect(cyber.suppressed).toBe(false);
    addsUp(cyber.scanCount, municipalities.map((m: any) => m.cyber));
    for (const m of municipalities.filter((m: any) => !m.cyber.suppressed)) addsUp(m.cyber.scanCount, m.cyber.byInstrument);
  });

  it('PvoProfiles shows Den Haag without business representation and the staffing figures the sources give', async () => {
    const data = await graphqlOk(hub.url, operation('PvoProfiles'));
    const byCode = Object.fromEntries(data.regions.map((r: any) => [r.code, r.pvo]));
    expect(Object.keys(byCode).filter((code) => !byCode[code].businessRepresented)).toEqual(['DH']);
    // DOMAIN.md: most PVOs get a CCV adviser 2 days a week; ZWB's works 3 as quartermaster; NH's manager is full-time.
    expect(byCode.ZWB.ccvAdviserDaysPerWeek).toBe(3);
    expect(byCode.DH.ccvAdviserDaysPerWeek).toBe(2);
    expect(byCode.NH.managerFte).toBe(1);
    for (const pvo of Object.values<any>(byCode)) expect(pvo.themes.length).toBeGreaterThan(0);
  });
});

describe('no N+1 across the federation', () => {
  // The measure: every region with its municipalities, KVO summary, funding per year and cyber averages.
  const query = /* GraphQL */ `
    query Statements($regions: [ID!]) {
      regions(codes: $regions) {
        code
        name
        municipalities {
          code
          name
          kvo(asOf: "2026-11-22") { certifiedSites businessParkCoverage }
          cyber { scanCount averageScore }
        }
        kvo(asOf: "2026-11-22") { certifiedBusinessParks businessParkCoverage }
        funding { perYear(from: 2022, to: 2026) { year totalCents } }
        cyber { scanCount averageScore }
      }
    }`;
  const counted = async (regions?: string[]) => {
    const before = hub.statements();
    const data = await graphqlOk(hub.url, query, { regions });
    expect(data.regions).toHaveLength(regions?.length ?? 10);
    return hub.statements() - before;
  };

  it('runs as many SQL statements for 2 regions as for all 10, and each subgraph a handful', async () => {
    await counted(['NN']); // warm up: the first request prepares statements
    const two = await counted(['NN', 'LB']);
    const ten = await counted();
    expect(two).toBeGreaterThan(0);
    expect(ten).toBe(two);
    // 4 subgraphs; each answers its part of the plan with a few batched statements, not one per region.
    expect(ten).toBeLessThanOrEqual(16);
  });

  it('shares subgraph reads when 8 dashboards open the same page at once (in-flight.ts)', async () => {
    const one = await counted();
    const before = hub.statements();
    await Promise.all(Array.from({ length: 8 }, () => graphqlOk(hub.url, query, {})));
    const eight = hub.statements() - before;
    // Each request shares the reads that began after it did; those of the first stage began at once with the first
    // request, and the later stages are shared: fewer statements than 8 separate pages.
    expect(eight).toBeLessThan(8 * one);
  });
});

describe('bad arguments through the gateway', () => {
  it.each([
    ['an impossible date', '{ region(code: "DH") { kvo(asOf: "2026-02-30") { validCertificates } } }', {}],
    ['a date in a variable', 'query($d: Date) { region(code: "DH") { kvo(asOf: $d) { validCertificates } } }', { d: '31-12-2020' }],
    ['a negative page size', '{ municipalities(first: -1) { totalCount } }', {}],
    ['a reversed year range', '{ country { funding { perYear(from: 2026, to: 2020) { year } } } }', {}],
  ])('refuses %s with BAD_USER_INPUT and no internals', async (_, query, variables) => {
    const result = await graphql(hub.url, query, variables);
    expect(result.status).toBeLessThan(500);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result)).not.toMatch(/stack|select |postgres|at .*\.ts/i);
  });
});
