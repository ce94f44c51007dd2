// KVO writes on the subgraph itself: every rule refuses with its path and code and writes nothing; a write and its
// audit entry land together; corrections change only what they name; a withdrawal ends validity on its day.
import { addDays } from '../src/domain.js';
import { startTestSubgraph } from '@vo/kit/testing';
import { type SiteRecord } from '@vo/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificationRow } from '../src/db/schema.js';
import { kvoSubgraph } from '../src/subgraph.js';
import { CREATE, HISTORY, UPDATE, WITHDRAW, WRITER, chainEnd, client, freeSites, tablesChecksum } from './write-support.js';

let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
let write: ReturnType<typeof client>;
let parks: SiteRecord[];
let lastOfChain: CertificationRow;

beforeAll(async () => {
  subgraph = await startTestSubgraph(kvoSubgraph);
  write = client(subgraph.url, WRITER);
  parks = await freeSites(subgraph.database.db, 'BUSINESS_PARK');
  lastOfChain = await chainEnd(subgraph.database.db, 'KVO_B', '2027-06-01');
});
afterAll(() => subgraph?.close());

const checksum = () => tablesChecksum(subgraph.database.db);

/** Sends a write that must be refused: it comes back as data with exactly these errors, and nothing changes. */
async function expectRefused(query: string, variables: Record<string, unknown>, expected: [string[], string][]) {
  const before = await checksum();
  const result = await write(query, variables);
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data!)[0] as { certification: unknown; errors: { path: string[]; code: string; message: string }[] };
  expect(payload.certification).toBeNull();
  expect(payload.errors.map((error) => [error.path, error.code])).toEqual(expected);
  for (const error of payload.errors) expect(error.message.length).toBeGreaterThan(20);
  expect(await checksum()).toEqual(before);
}

describe('createCertification', () => {
  const input = (changes: Record<string, unknown> = {}) => ({ siteId: parks[0].id, scheme: 'KVO_B', certifiedOn: '2026-06-01', themes: ['BURGLARY'], ...changes });

  it('refuses each broken rule with its path and code, writing nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ siteId: 'GM9999-BT99' }, 'siteId', 'UNKNOWN_REFERENCE'],
      [{ scheme: 'KVO_W' }, 'scheme', 'INVALID'],
      [{ certifiedOn: '1999-12-31' }, 'certifiedOn', 'OUT_OF_RANGE'],
      [{ certifiedOn: addDays(new Date().toISOString().slice(0, 10), 400) }, 'certifiedOn', 'OUT_OF_RANGE'],
      [{ validUntil: '2026-06-01' }, 'validUntil', 'OUT_OF_RANGE'],
      [{ validUntil: '2029-06-02' }, 'validUntil', 'OUT_OF_RANGE'],
      [{ kind: 'RECERTIFICATION' }, 'previousId', 'REQUIRED'],
      [{ kind: 'FIRST', previousId: lastOfChain.id }, 'previousId', 'INVALID'],
      [{ certifiedOn: '2015-05-01', themes: ['CYBER'] }, 'themes', 'OUT_OF_RANGE'],
      [{ id: 'not an id!' }, 'id', 'INVALID'],
      [{ previousId: 'KVO-B-NOWHERE-2020' }, 'previousId', 'UNKNOWN_REFERENCE'],
      [{ previousId: lastOfChain.id }, 'previousId', 'CONFLICT'],
      [{ siteId: lastOfChain.siteId, certifiedOn: addDays(lastOfChain.certifiedOn, -400), previousId: lastOfChain.id }, 'previousId', 'CONFLICT'],
      [{ siteId: lastOfChain.siteId, certifiedOn: addDays(lastOfChain.certifiedOn, 1), previousId: lastOfChain.id }, 'previousId', 'INVALID'],
      [{ id: 'OWN-1', siteId: lastOfChain.siteId, certifiedOn: lastOfChain.certifiedOn }, 'certifiedOn', 'DUPLICATE'],
      [{ siteId: lastOfChain.siteId, certifiedOn: `${lastOfChain.certifiedOn.slice(0, 4)}-12-31` }, 'id', 'DUPLICATE'],
    ];
    for (const [changes, field, code] of cases) await expectRefused(CREATE, { input: input(changes) }, [[['input', field], code]]);
  });

  it('refuses a renewal of a certificate that is renewed already, naming the renewal', async () => {
    const renewed = (await write('{ certifications(first: 1, kind: RECERTIFICATION, certifiedFrom: "2023-01-01", scheme: KVO_B) { nodes { previous { id site { id } validUntil } } } }'))
      .data!.certifications.nodes[0].previous;
    const certifiedOn = addDays(renewed.validUntil, 2);
    await expectRefused(CREATE, { input: input({ id: 'SECOND-RENEWAL', siteId: renewed.site.id, certifiedOn, previousId: renewed.id }) }, [[['input', 'previousId'], 'CONFLICT']]);
  });

  it('stores a valid certificate with its audit entry: the owner reads who, when and what', async () => {
    const before = Date.now();
    const { data } = await write(CREATE, { input: input({ themes: ['NUISANCE', 'BURGLARY', 'NUISANCE'] }) });
    expect(data.createCertification).toEqual({
      errors: [],
      certification: {
        id: `KVO-B-${parks[0].id}-2026`, scheme: 'KVO_B', site: { id: parks[0].id }, certifiedOn: '2026-06-01', validUntil: '2029-06-01',
        kind: 'FIRST', previous: null, themes: ['BURGLARY', 'NUISANCE'], withdrawnOn: null, withdrawalReason: null, synthetic: false,
      },
    });
    const { history } = (await write(HISTORY, { id: `KVO-B-${parks[0].id}-2026` })).data.certification;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ actor: 'ccv-kvo-register', organisation: 'ccv', action: 'created', importId: null });
    expect(Date.parse(history[0].at)).toBeGreaterThanOrEqual(before - 1000);
    expect(history[0].changes).toContainEqual({ field: 'certifiedOn', before: null, after: '"2026-06-01"' });
    expect(history[0].changes).toContainEqual({ field: 'themes', before: null, after: '["BURGLARY","NUISANCE"]' });
  });

  it('writes a certificate sent twice at once only once: the other send gets DUPLICATE', async () => {
    const twice = input({ siteId: parks[3].id });
    const results = await Promise.all([write(CREATE, { input: twice }), write(CREATE, { input: twice })]);
    const payloads = results.map((result) => result.data.createCertification);
    expect(payloads.map((payload) => payload.errors.map((error: { code: string }) => error.code)).sort()).toEqual([[], ['DUPLICATE']]);
    expect((await write(HISTORY, { id: `KVO-B-${parks[3].id}-2026` })).data.certification.history).toHaveLength(1);
  });

  it('renews a certificate: the renewal continues its chain, and a shorter stated validity is kept', async () => {
    const certifiedOn = addDays(lastOfChain.validUntil, 1);
    const renewal = { siteId: lastOfChain.siteId, scheme: 'KVO_B', certifiedOn, validUntil: addDays(certifiedOn, 700), previousId: lastOfChain.id };
    const { data } = await write(CREATE, { input: renewal });
    expect(data.createCertification.errors).toEqual([]);
    expect(data.createCertification.certification).toMatchObject({ kind: 'RECERTIFICATION', previous: { id: lastOfChain.id }, validUntil: addDays(certifiedOn, 700) });
    const standing = await write(`{ certification(id: "${data.createCertification.certification.id}") { site { kvo(asOf: "${certifiedOn}") { certifiedSince } } } }`);
    expect(standing.data!.certification.site.kvo.certifiedSince).toBe(lastOfChain.chainStartedOn);
  });
});

describe('updateCertification', () => {
  const id = () => `KVO-B-${parks[1].id}-2025`;
  beforeAll(async () => {
    await write(CREATE, { input: { siteId: parks[1].id, scheme: 'KVO_B', certifiedOn: '2025-03-10', themes: ['BURGLARY'] } });
  });

  it('changes only the fields given, and records just those', async () => {
    const { data } = await write(UPDATE, { id: id(), input: { themes: ['BURGLARY', 'CYBER'] } });
    expect(data.updateCertification.errors).toEqual([]);
    expect(data.updateCertification.certification).toMatchObject({ certifiedOn: '2025-03-10', validUntil: '2028-03-10', kind: 'FIRST', themes: ['CYBER', 'BURGLARY'] });
    const [latest] = (await write(HISTORY, { id: id() })).data.certification.history;
    expect(latest).toMatchObject({ action: 'updated', changes: [{ field: 'themes', before: '["BURGLARY"]', after: '["CYBER","BURGLARY"]' }] });
  });

  it('writes nothing, not even an audit entry, when the values are the ones stored', async () => {
    const before = await checksum();
    const { data } = await write(UPDATE, { id: id(), input: { themes: ['CYBER', 'BURGLARY'], scheme: 'KVO_B', certifiedOn: '2025-03-10' } });
    expect(data.updateCertification).toMatchObject({ errors: [], certification: { id: id() } });
    expect(await checksum()).toEqual(before);
  });

  it('moves a standard validity with certifiedOn, and refuses unknown ids and broken rules', async () => {
    const { data } = await write(UPDATE, { id: id(), input: { certifiedOn: '2025-04-01' } });
    expect(data.updateCertification.certification).toMatchObject({ certifiedOn: '2025-04-01', validUntil: '2028-04-01' });
    await expectRefused(UPDATE, { id: 'KVO-B-NONE-2020', input: { themes: [] } }, [[['id'], 'NOT_FOUND']]);
    await expectRefused(UPDATE, { id: id(), input: { validUntil: '2025-01-01' } }, [[['input', 'validUntil'], 'OUT_OF_RANGE']]);
    await expectRefused(UPDATE, { id: id(), input: { siteId: null } }, [[['input', 'siteId'], 'REQUIRED']]);
  });
});

describe('withdrawCertification', () => {
  const id = () => `KVO-B-${parks[2].id}-2025`;
  const status = async (asOf: string) => (await write(`{ certification(id: "${id()}") { status(asOf: "${asOf}") } }`)).data!.certification.status;
  beforeAll(async () => {
    await write(CREATE, { input: { siteId: parks[2].id, scheme: 'KVO_B', certifiedOn: '2025-02-01' } });
  });

  it('refuses a day outside the validity, an empty reason and unknown ids, writing nothing', async () => {
    await expectRefused(WITHDRAW, { id: id(), on: '2025-01-31', reason: 'Audit failed' }, [[['withdrawnOn'], 'OUT_OF_RANGE']]);
    await expectRefused(WITHDRAW, { id: id(), on: '2028-02-02', reason: 'Audit failed' }, [[['withdrawnOn'], 'OUT_OF_RANGE']]);
    await expectRefused(WITHDRAW, { id: id(), on: '2026-01-01', reason: '   ' }, [[['reason'], 'REQUIRED']]);
    await expectRefused(WITHDRAW, { id: 'KVO-B-NONE-2020', on: '2026-01-01', reason: 'Audit failed' }, [[['id'], 'NOT_FOUND']]);
  });

  it('ends validity on the withdrawal day, keeps the certificate, and refuses a second withdrawal', async () => {
    const { data } = await write(WITHDRAW, { id: id(), on: '2026-01-15', reason: 'The park management ended the covenant.' });
    expect(data.withdrawCertification).toMatchObject({ errors: [], certification: { withdrawnOn: '2026-01-15', withdrawalReason: 'The park management ended the covenant.' } });
    expect([await status('2026-01-14'), await status('2026-01-15'), await status('2027-01-01')]).toEqual(['VALID', 'WITHDRAWN', 'WITHDRAWN']);
    const site = await write(`{ certification(id: "${id()}") { site { kvo(asOf: "2026-01-10") { validUntil } } } }`);
    expect(site.data!.certification.site.kvo.validUntil).toBe('2026-01-14');
    const [latest] = (await write(HISTORY, { id: id() })).data.certification.history;
    expect(latest).toMatchObject({ action: 'withdrawn', changes: [{ field: 'withdrawnOn', before: null, after: '"2026-01-15"' }, { field: 'withdrawalReason', before: null, after: '"The park management ended the covenant."' }] });
    await expectRefused(WITHDRAW, { id: id(), on: '2026-02-01', reason: 'Again' }, [[['id'], 'CONFLICT']]);
    await expectRefused(UPDATE, { id: id(), input: { validUntil: '2025-12-31' } }, [[['input', 'validUntil'], 'CONFLICT']]);
  });
});
