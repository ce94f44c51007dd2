import { SITES } from '@vo/kit';
import { graphql, graphqlOk, startTestSubgraph } from '@vo/kit/testing';
import { count, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifications } from '../src/db/schema.js';
import { kvoSubgraph } from '../src/subgraph.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(kvoSubgraph);
});
afterAll(() => subgraph?.close());

const entities = (reps: object[], selection: string) =>
  graphqlOk(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps });

/** The day after or before, computed independently of the subgraph's date helpers. */
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const CERTIFICATE = 'id scheme certifiedOn validUntil kind';

describe('kvo subgraph: certifications', () => {
  it('serves its SDL for composition, with @requires on the place summaries and the trend rows', async () => {
    const { _service } = await graphqlOk(subgraph.url, '{ _service { sdl } }');
    expect(_service.sdl).toMatch(/type Certification\s+@key\(fields: "id"\)/);
    expect(_service.sdl).toMatch(/type Site\s+@key\(fields: "id"\)/);
    for (const type of ['Region', 'Municipality', 'Country']) {
      expect(_service.sdl).toMatch(new RegExp(`type ${type}\\s+@key\\(fields: "code"\\)[^}]*businessParkCount: Int! @external`));
    }
    expect(_service.sdl).toMatch(/type TrendRow\s+@key\(fields: "place period"\)[^}]*businessParkCount: Int! @external/);
    expect(_service.sdl.match(/@requires\(fields: "businessParkCount"\)/g)).toHaveLength(4);
  });

  it('resolves every entity key through _entities, unknown keys as null', async () => {
    const data = await entities(
      [
        { __typename: 'Certification', id: 'KVB-GM1876-BG01-2017' },
        { __typename: 'Site', id: 'GM1876-BG01' },
        { __typename: 'Region', code: 'ON', businessParkCount: 759 },
        { __typename: 'Municipality', code: 'GM1876', businessParkCount: 7 },
        { __typename: 'Country', code: 'NL', businessParkCount: 3968 },
        { __typename: 'Certification', id: 'KVO-B-nowhere-2019' },
        { __typename: 'Site', id: 'GM9999-BT01' },
        { __typename: 'Region', code: 'XX', businessParkCount: 1 },
        { __typename: 'Municipality', code: 'GM9999', businessParkCount: 1 },
        { __typename: 'Country', code: 'BE', businessParkCount: 1 },
      ],
      `... on Certification { id scheme certifiedOn validUntil site { id } municipality { code } region { code } processGuide { id } }
       ... on Site { id kvo(asOf: "2018-01-01") { certified current { id } } }
       ... on Region { code kvo(asOf: "2026-11-22") { businessParks validCertificates } }
       ... on Municipality { code kvo(asOf: "2026-11-22") { businessParks validCertificates } }
       ... on Country { code kvo(asOf: "2026-11-22") { businessParks validCertificates } }`,
    );
    const [certificate, site, region, municipality, country, ...missing] = data._entities;
    expect(certificate).toEqual({
      id: 'KVB-GM1876-BG01-2017',
      scheme: 'VEILIG_BUITENGEBIED',
      certifiedOn: expect.stringMatching(/^2017-/),
      validUntil: expect.stringMatching(/^2020-/),
      site: { id: 'GM1876-BG01' },
      municipality: { code: 'GM1876' },
      region: { code: 'ON' },
      processGuide: { id: 'ccv' },
    });
    expect(site).toEqual({ id: 'GM1876-BG01', kvo: { certified: true, current: { id: 'KVB-GM1876-BG01-2017' } } });
    expect(region.kvo.businessParks).toBe(759);
    expect(municipality.kvo.businessParks).toBe(7);
    expect(country.kvo.businessParks).toBe(3968);
    expect(country.kvo.validCertificates).toBeGreaterThan(region.kvo.validCertificates);
    expect(region.kvo.validCertificates).toBeGreaterThan(municipality.kvo.validCertificates);
    expect(municipality.kvo.validCertificates).toBeGreaterThan(0);
    expect(missing).toEqual([null, null, null, null, null]);
  });

  it('makes every certificate valid for exactly three years', async () => {
    const [{ wrong }] = await subgraph.database.db
      .select({ wrong: count() })
      .from(certifications)
      .where(sql`${certifications.validUntil} <> (${certifications.certifiedOn} + interval '3 years')::date`);
    expect(wrong).toBe(0);
    const data = await graphqlOk(subgraph.url, `{ certifications(first: 100, region: "NH", year: 2020) { nodes { certifiedOn validUntil } } }`);
    expect(data.certifications.nodes.length).toBeGreaterThan(10);
    for (const { certifiedOn, validUntil } of data.certifications.nodes) {
      expect(validUntil).toBe(`${Number(certifiedOn.slice(0, 4)) + 3}${certifiedOn.slice(4)}`);
    }
  });

  it('tells the status on any day, valid from certifiedOn through validUntil', async () => {
    const { certification: c } = await graphqlOk(subgraph.url, '{ certification(id: "KVB-GM1876-BG01-2017") { certifiedOn validUntil } }');
    const status = async (asOf: string) =>
      (await graphqlOk(subgraph.url, `{ certification(id: "KVB-GM1876-BG01-2017") { status(asOf: "${asOf}") } }`)).certification.status;
    expect(await status(shift(c.certifiedOn, -1))).toBe('NOT_YET_VALID');
    expect(await status(c.certifiedOn)).toBe('VALID');
    expect(await status(c.validUntil)).toBe('VALID');
    expect(await status(shift(c.validUntil, 1))).toBe('EXPIRED');
    // Without asOf the status is today's: this certificate ended in 2020.
    expect((await graphqlOk(subgraph.url, '{ certification(id: "KVB-GM1876-BG01-2017") { status } }')).certification.status).toBe('EXPIRED');
  });

  it('links renewals to the certificate they renew, starting the day after it ends', async () => {
    const data = await graphqlOk(subgraph.url, `{ certifications(first: 50, kind: RECERTIFICATION, certifiedFrom: "2020-01-01", region: "LB") {
      nodes { ${CERTIFICATE} site { id } previous { ${CERTIFICATE} site { id } } } } }`);
    expect(data.certifications.nodes.length).toBeGreaterThan(10);
    for (const renewal of data.certifications.nodes) {
      expect(renewal.previous).not.toBeNull();
      expect(renewal.previous.site).toEqual(renewal.site);
      expect(renewal.previous.scheme).toBe(renewal.scheme);
      expect(renewal.certifiedOn).toBe(shift(renewal.previous.validUntil, 1));
    }
    const firsts = await graphqlOk(subgraph.url, '{ certifications(first: 20, kind: FIRST, region: "LB") { nodes { kind previous { id } } } }');
    for (const first of firsts.certifications.nodes) expect(first).toEqual({ kind: 'FIRST', previous: null });
  });

  it('pages through certificates with cursors, oldest first, without gaps or repeats', async () => {
    const query = `query($after: String) { certifications(first: 100, after: $after, municipality: "GM0363") {
      totalCount nodes { id certifiedOn municipality { code } } pageInfo { hasNextPage endCursor } edges { cursor } } }`;
    const seen: { id: string; certifiedOn: string }[] = [];
    let after: string | null = null;
    let totalCount = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const data: any = await graphqlOk(subgraph.url, query, { after });
      totalCount = data.certifications.totalCount;
      seen.push(...data.certifications.nodes);
      for (const node of data.certifications.nodes) expect(node.municipality).toEqual({ code: 'GM0363' });
      expect(data.certifications.pageInfo.endCursor).toBe(data.certifications.edges.at(-1)?.cursor ?? null);
      if (!data.certifications.pageInfo.hasNextPage) break;
      after = data.certifications.pageInfo.endCursor;
    }
    expect(totalCount).toBeGreaterThan(100);
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen.map((c) => c.id)).size).toBe(totalCount);
    const order = seen.map((c) => `${c.certifiedOn} ${c.id}`);
    expect([...order].sort()).toEqual(order);
  });

  it('filters by region, site, scheme, kind, status, dates and year', async () => {
    const data = await graphqlOk(subgraph.url, `{
      all: certifications(region: "ZWB", first: 0) { totalCount }
      kvoB: certifications(region: "ZWB", scheme: KVO_B, first: 0) { totalCount }
      kvoW: certifications(region: "ZWB", scheme: KVO_W, first: 0) { totalCount }
      rural: certifications(region: "ZWB", scheme: VEILIG_BUITENGEBIED, first: 0) { totalCount }
      cyber: certifications(region: "ZWB", scheme: KVO_CYBER, first: 0) { totalCount }
      firsts: certifications(region: "ZWB", kind: FIRST, first: 0) { totalCount }
      renewals: certifications(region: "ZWB", kind: RECERTIFICATION, first: 0) { totalCount }
      valid: certifications(region: "ZWB", status: VALID, asOf: "2022-06-30", first: 0) { totalCount }
      expired: certifications(region: "ZWB", status: EXPIRED, asOf: "2022-06-30", first: 0) { totalCount }
      future: certifications(region: "ZWB", status: NOT_YET_VALID, asOf: "2022-06-30", first: 0) { totalCount }
      y2021: certifications(region: "ZWB", year: 2021, first: 100) { totalCount nodes { certifiedOn region { code } } }
      range2021: certifications(region: "ZWB", certifiedFrom: "2021-01-01", certifiedTo: "2021-12-31", first: 0) { totalCount }
      site: certifications(site: "GM1876-BG01") { totalCount nodes { site { id } scheme } } }`);
    const n = (key: string) => data[key].totalCount;
    expect(n('kvoB') + n('kvoW') + n('rural') + n('cyber')).toBe(n('all'));
    expect(n('firsts') + n('renewals')).toBe(n('all'));
    expect(n('valid') + n('expired') + n('future')).toBe(n('all'));
    expect(Math.min(n('kvoB'), n('kvoW'), n('valid'), n('expired'), n('future'))).toBeGreaterThan(0);
    expect(n('y2021')).toBe(n('range2021'));
    for (const node of data.y2021.nodes) expect(node).toEqual({ certifiedOn: expect.stringMatching(/^2021-/), region: { code: 'ZWB' } });
    expect(n('site')).toBeGreaterThan(1);
    for (const node of data.site.nodes) expect(node).toEqual({ site: { id: 'GM1876-BG01' }, scheme: 'VEILIG_BUITENGEBIED' });
  });

  it("gives each site its certificates and its standing on a day, all sites' standings in one statement", async () => {
    const { nodes } = (await graphqlOk(subgraph.url, '{ certifications(site: "GM1876-BG01", first: 10) { nodes { id certifiedOn validUntil } } }')).certifications;
    const chainStart = nodes[0].certifiedOn;
    const last = nodes.at(-1);
    const siteQuery = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Site { id
      certifications(first: 2, scheme: VEILIG_BUITENGEBIED) { totalCount nodes { id } pageInfo { hasNextPage } }
      valid: certifications(status: VALID, asOf: "${last.certifiedOn}") { totalCount nodes { id } }
      kvo(asOf: "${last.certifiedOn}") { asOf certified certifiedSince validUntil current { id } validCertificates { id } }
      before: kvo(asOf: "2016-12-31") { certified current { id } certifiedSince validUntil validCertificates { id } } } } }`;
    const reps = (ids: string[]) => ids.map((id) => ({ __typename: 'Site', id }));
    const before = subgraph.database.statements.count;
    const one = await graphqlOk(subgraph.url, siteQuery, { reps: reps(['GM1876-BG01']) });
    const costOne = subgraph.database.statements.count - before;
    expect(one._entities[0]).toEqual({
      id: 'GM1876-BG01',
      certifications: { totalCount: nodes.length, nodes: nodes.slice(0, 2).map((c: any) => ({ id: c.id })), pageInfo: { hasNextPage: nodes.length > 2 } },
      valid: { totalCount: 1, nodes: [{ id: last.id }] },
      kvo: { asOf: last.certifiedOn, certified: true, certifiedSince: chainStart, validUntil: last.validUntil, current: { id: last.id }, validCertificates: [{ id: last.id }] },
      before: { certified: false, current: null, certifiedSince: null, validUntil: null, validCertificates: [] },
    });
    const many = SITES.filter((site) => site.municipalityCode === 'GM0363').map((site) => site.id);
    const start = subgraph.database.statements.count;
    const data = await graphqlOk(subgraph.url, siteQuery, { reps: reps(many) });
    expect(data._entities).toHaveLength(many.length);
    expect(subgraph.database.statements.count - start).toBe(costOne);
  });

  it('names the process guide for a province, and the guide on each certificate', async () => {
    const data = await graphqlOk(subgraph.url, `{
      gelderland: processGuide(province: "Gelderland") { id name organisation { id } schemes provinces }
      friesland: processGuide(province: "friesland") { id provinces }
      shops: processGuide(province: "Gelderland", scheme: KVO_W) { id organisation { id } provinces }
      all: processGuides { id schemes provinces }
      b: certifications(scheme: KVO_B, region: "LB", first: 5) { nodes { processGuide { id } } }
      w: certifications(scheme: KVO_W, region: "LB", first: 5) { nodes { processGuide { id } } } }`);
    expect(data.gelderland).toMatchObject({ id: 'mkb-b', organisation: { id: 'mkb-nederland' }, schemes: ['KVO_B', 'KVO_CYBER'] });
    expect(data.gelderland.provinces).toEqual(['Drenthe', 'Gelderland', 'Groningen', 'Limburg', 'Overijssel', 'Utrecht']);
    expect(data.friesland.id).toBe('mkb-a');
    expect(data.friesland.provinces).toEqual(['Flevoland', 'Fryslân', 'Noord-Brabant', 'Noord-Holland', 'Zeeland', 'Zuid-Holland']);
    expect(data.shops).toEqual({ id: 'ccv', organisation: { id: 'ccv' }, provinces: [] });
    // The two MKB-Nederland guides cover all twelve provinces between them, each province once.
    const provinces = data.all.flatMap((guide: { provinces: string[] }) => guide.provinces);
    expect(new Set(provinces).size).toBe(12);
    expect(provinces).toHaveLength(12);
    for (const node of data.b.nodes) expect(node.processGuide.id).toBe('mkb-b');
    for (const node of data.w.nodes) expect(node.processGuide.id).toBe('ccv');
  });

  it('names unknown codes with NOT_FOUND and refuses bad arguments with BAD_USER_INPUT', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['{ certification(id: "KVO-B-GM0000-BT01-2019") { id } }', { message: 'Certification "KVO-B-GM0000-BT01-2019" does not exist.', extensions: { code: 'NOT_FOUND' } }],
      ['{ certifications(region: "QQ") { totalCount } }', { message: 'Region "QQ" does not exist.', extensions: { code: 'NOT_FOUND' } }],
      ['{ certifications(municipality: "GM9999") { totalCount } }', { extensions: { code: 'NOT_FOUND', municipality: 'GM9999' } }],
      ['{ certifications(site: "GM0363-XX01") { totalCount } }', { message: 'Site "GM0363-XX01" does not exist.', extensions: { code: 'NOT_FOUND' } }],
      ['{ processGuide(province: "Atlantis") { id } }', { message: 'Province "Atlantis" does not exist.', extensions: { code: 'NOT_FOUND' } }],
      ['{ certifications(first: -1) { totalCount } }', { extensions: { code: 'BAD_USER_INPUT', argument: 'first' } }],
      ['{ certifications(after: "not-a-cursor") { totalCount } }', { extensions: { code: 'BAD_USER_INPUT', argument: 'after' } }],
      ['{ certifications(asOf: "2026-02-30", status: VALID) { totalCount } }', { extensions: { code: 'BAD_USER_INPUT' } }],
      ['{ certifications(certifiedFrom: "2024-01-01", certifiedTo: "2020-01-01") { totalCount } }', { extensions: { code: 'BAD_USER_INPUT', argument: 'from' } }],
      ['{ certifications(year: 1850) { totalCount } }', { extensions: { code: 'BAD_USER_INPUT', argument: 'year' } }],
      ['{ certification(id: "KVB-GM1876-BG01-2017") { status(asOf: "yesterday") } }', { extensions: { code: 'BAD_USER_INPUT' } }],
    ];
    for (const [query, expected] of cases) {
      const result = await graphql(subgraph.url, query);
      expect(result.errors?.[0], query).toMatchObject(expected);
      expect(JSON.stringify(result), query).not.toMatch(/stack|select |postgres/i);
    }
  });
});
