// KVO writes end to end (issue 6), through the real gateway over the five real subgraphs: a certifier's write is in
// every summary, listing and trend of the next request, a withdrawal ends validity on its day and not before, only
// kvo:write may write or read the history, and the history names who, when and what.
import { NATIONAL_READ, subgraphWrite, type SiteRecord } from '@vo/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE, HISTORY, WITHDRAW, WRITER, client, freeSites, tablesChecksum } from '../subgraphs/kvo/test/write-support.js';
import { startHub, type Hub } from './support/hub.js';

let hub: Hub;
let park: SiteRecord;
let write: ReturnType<typeof client>;

beforeAll(async () => {
  hub = await startHub();
  park = (await freeSites(hub.subgraphs.kvo.database.db, 'BUSINESS_PARK'))[0];
  write = client(hub.url, WRITER);
});
afterAll(() => hub?.close());

const CERTIFIED_ON = '2026-06-01';
const WITHDRAWN_ON = '2026-09-01';

/** What the region of the park shows: its summaries on three days, a listing and its 2026 trend row. */
async function regionFigures() {
  const summary = (alias: string, asOf: string) => `${alias}: kvo(asOf: "${asOf}") { validCertificates certifiedBusinessParks businessParkCoverage }`;
  const query = `{
    region(code: "${park.regionCode}") { ${summary('before', '2026-05-31')} ${summary('during', '2026-08-31')} ${summary('after', WITHDRAWN_ON)} }
    country { kvo(asOf: "2026-08-31") { validCertificates } }
    valid: certifications(region: "${park.regionCode}", status: VALID, asOf: "2026-08-31", first: 0) { totalCount }
    withdrawn: certifications(region: "${park.regionCode}", status: WITHDRAWN, asOf: "2026-12-01", first: 0) { totalCount }
    trends(from: 2026, to: 2026, regions: ["${park.regionCode}"]) { rows { kvo { newCertifications expired validAtEnd certifiedBusinessParksAtEnd } } }
  }`;
  const { data, errors } = await client(hub.url)(query);
  expect(errors).toBeUndefined();
  const { region, country, valid, withdrawn, trends } = data;
  return { ...region, country: country.kvo.validCertificates, valid: valid.totalCount, withdrawn: withdrawn.totalCount, trend: trends.rows[0].kvo };
}

describe('KVO writes through the gateway', () => {
  let id: string;

  it('shows a new certificate in the region\'s summaries, listings, country and trends at once', async () => {
    const before = await regionFigures();
    const { data, errors } = await write(CREATE, { input: { siteId: park.id, scheme: 'KVO_B', certifiedOn: CERTIFIED_ON, themes: ['BURGLARY'] } });
    expect(errors).toBeUndefined();
    expect(data.createCertification.errors).toEqual([]);
    id = data.createCertification.certification.id;
    const after = await regionFigures();
    expect(after.before).toEqual(before.before);
    for (const day of ['during', 'after'] as const) {
      expect(after[day].validCertificates).toBe(before[day].validCertificates + 1);
      expect(after[day].certifiedBusinessParks).toBe(before[day].certifiedBusinessParks + 1);
      expect(after[day].businessParkCoverage).toBeGreaterThan(before[day].businessParkCoverage);
    }
    expect([after.country, after.valid]).toEqual([before.country + 1, before.valid + 1]);
    expect(after.trend).toEqual({ ...before.trend, newCertifications: before.trend.newCertifications + 1, validAtEnd: before.trend.validAtEnd + 1,
      certifiedBusinessParksAtEnd: before.trend.certifiedBusinessParksAtEnd + 1 });
  });

  it('counts a withdrawn certificate as valid before its withdrawal day and not from that day on', async () => {
    const before = await regionFigures();
    const { data } = await write(WITHDRAW, { id, on: WITHDRAWN_ON, reason: 'The entrepreneurs\' association ended the covenant.' });
    expect(data.withdrawCertification.errors).toEqual([]);
    const after = await regionFigures();
    expect([after.before, after.during, after.valid, after.country]).toEqual([before.before, before.during, before.valid, before.country]);
    expect(after.after.validCertificates).toBe(before.after.validCertificates - 1);
    expect(after.after.certifiedBusinessParks).toBe(before.after.certifiedBusinessParks - 1);
    expect(after.withdrawn).toBe(before.withdrawn + 1);
    expect(after.trend).toEqual({ ...before.trend, expired: before.trend.expired + 1, validAtEnd: before.trend.validAtEnd - 1,
      certifiedBusinessParksAtEnd: before.trend.certifiedBusinessParksAtEnd - 1 });
  });

  it('gives the owner the history: who (token subject and organisation), when, and what changed', async () => {
    const { data, errors } = await write(HISTORY, { id });
    expect(errors).toBeUndefined();
    const [withdrawn, created] = data.certification.history;
    expect(withdrawn).toMatchObject({ actor: WRITER.subject, organisation: WRITER.organisation, action: 'withdrawn' });
    expect(withdrawn.changes.map((change: { field: string }) => change.field)).toEqual(['withdrawnOn', 'withdrawalReason']);
    expect(created).toMatchObject({ actor: WRITER.subject, organisation: WRITER.organisation, action: 'created' });
    expect(created.changes).toContainEqual({ field: 'siteId', before: null, after: JSON.stringify(park.id) });
    expect(Date.parse(withdrawn.at)).toBeGreaterThanOrEqual(Date.parse(created.at));
  });

  const others = { anonymous: undefined, 'national:read': { scopes: [NATIONAL_READ] }, 'cyber:write': { scopes: [subgraphWrite('cyber')], organisation: 'dtc' } };
  for (const [role, claims] of Object.entries(others)) {
    it(`refuses writes and the history to ${role} with FORBIDDEN, writing nothing`, async () => {
      const send = client(hub.url, claims);
      const checksum = await tablesChecksum(hub.subgraphs.kvo.database.db);
      const created = await send(CREATE, { input: { siteId: park.id, scheme: 'KVO_B', certifiedOn: '2026-10-01' } });
      const withdrawn = await send(WITHDRAW, { id, on: '2026-10-01', reason: 'No right to' });
      const history = await send(HISTORY, { id });
      for (const result of [created, withdrawn, history]) expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(await tablesChecksum(hub.subgraphs.kvo.database.db)).toEqual(checksum);
    });
  }
});
