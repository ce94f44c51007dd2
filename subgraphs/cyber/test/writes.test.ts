// Scan owners submit results through Mutation.submitScanResults: all or nothing, audited, idempotent, visible in
// every summary at once with small groups still withheld. Asked of the subgraph directly with real tokens.
import { NATIONAL_READ } from '@vo/kit';
import { startTestSubgraph, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCellQueries } from '../src/db/queries/cells.js';
import { cyberSubgraph } from '../src/subgraph.js';
import { SuppressionPattern } from '../src/suppression/pattern.js';
import { schemaChecksum } from '@vo/kit/import';

const dtc = withToken({ scopes: ['cyber:write', NATIONAL_READ], organisation: 'dtc' });
let subgraph: Awaited<ReturnType<typeof startTestSubgraph>>;
beforeAll(async () => {
  subgraph = await startTestSubgraph(cyberSubgraph);
});
afterAll(() => subgraph?.close());

const SUBMIT = `mutation($scans: [ScanInput!]!) { submitScanResults(scans: $scans) { written errors { path code message }
  scans { id synthetic owner { id } region { code } overallScore history { actor organisation action changes { field before after } } } } }`;
/** Pentests of new companies in Groningen, where no pentest was ever made: a cell that starts empty. */
const scan = (n: number, change: Record<string, unknown> = {}) => ({
  instrument: 'PENTEST', scannedOn: '2025-06-02', municipality: 'GM0014', sector: 'RETAIL', sizeClass: 'SMALL', companyRef: `C-feed${String(n).padStart(2, '0')}`,
  governance: 50, awareness: 60, accessControl: 70, softwareUpdates: 40, backups: 55, incidentResponse: 65, ...change,
});
/** Every table of the cyber schema: equal before and after means nothing changed. */
const tables = () => schemaChecksum(subgraph.database.db, 'cyber');
const figures = () =>
  dtc.graphqlOk(subgraph.url, `{ _entities(representations: [{__typename: "Region", code: "NN"}, {__typename: "Municipality", code: "GM0014"}]) {
    ... on Region { cyber(year: 2025) { scanCount } } ... on Municipality { cyber(year: 2025) { byInstrument { instrument scanCount suppression } } } } }`);

describe('submitting scan results', () => {
  it('refuses a batch with one bad scan: every problem with its path and code, and not one row written', async () => {
    const before = await tables();
    const batch = [scan(1), scan(2), scan(3, { backups: 101 }), scan(4, { municipality: 'GM9999' }), scan(5, { companyRef: 'Jan Jansen' })];
    const { submitScanResults } = await dtc.graphqlOk(subgraph.url, SUBMIT, { scans: batch });
    expect(submitScanResults).toMatchObject({ written: 0, scans: [] });
    expect(submitScanResults.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['scans.2.backups', 'OUT_OF_RANGE'], ['scans.3.municipality', 'UNKNOWN_REFERENCE'], ['scans.4.companyRef', 'INVALID'],
    ]);
    expect(await tables()).toEqual(before);
  });

  it('refuses a scan dated in the future, and the same scan twice in one batch, writing nothing', async () => {
    const before = await tables();
    const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
    const { submitScanResults } = await dtc.graphqlOk(subgraph.url, SUBMIT, { scans: [scan(1, { scannedOn: tomorrow }), scan(2), scan(2)] });
    expect(submitScanResults.errors.map((e: { path: string[]; code: string }) => [e.path.join('.'), e.code])).toEqual([
      ['scans.0.scannedOn', 'OUT_OF_RANGE'], ['scans.2', 'DUPLICATE'],
    ]);
    expect(await tables()).toEqual(before);
  });

  it('stores a valid batch with an audit entry per scan, counts it at once and still withholds the small group', async () => {
    const before = await figures();
    const { submitScanResults } = await dtc.graphqlOk(subgraph.url, SUBMIT, { scans: [1, 2, 3, 4].map((n) => scan(n)) });
    expect(submitScanResults).toMatchObject({ written: 4, errors: [] });
    const [first] = submitScanResults.scans;
    expect(first).toMatchObject({ id: 'CS-dtc-PENTEST-C-feed01-2025-06-02', synthetic: false, owner: { id: 'dtc' }, region: { code: 'NN' }, overallScore: 56.666666666666664 });
    expect(first.history).toHaveLength(1);
    expect(first.history[0]).toMatchObject({ organisation: 'dtc', action: 'created' });
    expect(first.history[0].changes).toContainEqual({ field: 'backups', before: null, after: '55' });
    const after = await figures();
    expect(after._entities[0].cyber.scanCount).toBe(before._entities[0].cyber.scanCount + 4);
    const pentests = after._entities[1].cyber.byInstrument.find((entry: { instrument: string }) => entry.instrument === 'PENTEST');
    expect(pentests).toEqual({ instrument: 'PENTEST', scanCount: null, suppression: 'PRIMARY' });
    // The served pattern is the one today's data give: recomputed with the new cell, not the one from start-up.
    const current = new SuppressionPattern(await createCellQueries(subgraph.database.db).all(), 5);
    const groningen = after._entities[1].cyber.byInstrument.map((entry: { instrument: string; suppression: string | null }) => [entry.instrument, entry.suppression]);
    expect(groningen).toEqual(groningen.map(([instrument]: [string]) => [instrument, current.statusOf({ place: 'GM0014', year: 2025, instrument, sector: null })]));
  });

  it('writes nothing and no audit entry for a scan sent again unchanged, and audits only the changed field of a correction', async () => {
    const before = await tables();
    const again = await dtc.graphqlOk(subgraph.url, SUBMIT, { scans: [scan(1), scan(2)] });
    expect(again.submitScanResults).toMatchObject({ written: 0, errors: [] });
    expect(again.submitScanResults.scans).toHaveLength(2);
    expect(await tables()).toEqual(before);
    const corrected = await dtc.graphqlOk(subgraph.url, SUBMIT, { scans: [scan(1, { backups: 80 }), scan(2)] });
    expect(corrected.submitScanResults.written).toBe(1);
    const [latest, created] = corrected.submitScanResults.scans[0].history;
    expect(latest).toMatchObject({ action: 'updated', changes: [{ field: 'backups', before: '55', after: '80' }] });
    expect(created.action).toBe('created');
  });

  it('needs cyber:write and an org claim naming a known organisation; the history needs cyber:write', async () => {
    const cases: [Parameters<typeof withToken>[0], RegExp][] = [
      [{ scopes: [NATIONAL_READ], organisation: 'dtc' }, /needs the scope cyber:write/],
      [{ scopes: ['kvo:write'], organisation: 'dtc' }, /needs the scope cyber:write/],
      [{ scopes: ['cyber:write'] }, /org claim naming the organisation/],
      [{ scopes: ['cyber:write'], organisation: 'nobody' }, /"nobody" is not an organisation/],
    ];
    const before = await tables();
    for (const [claims, message] of cases) {
      const result = await withToken(claims).graphql(subgraph.url, SUBMIT, { scans: [scan(9)] });
      expect(result.errors?.[0], JSON.stringify(claims)).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(message) });
    }
    expect(await tables()).toEqual(before);
    const reader = withToken({ scopes: [], organisation: 'dtc' });
    const history = await reader.graphql(subgraph.url, '{ cyberScan(id: "CS-dtc-PENTEST-C-feed01-2025-06-02") { id history { action } } }');
    expect(history.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, path: ['cyberScan', 'history'] });
  });
});
