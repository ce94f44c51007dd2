// Scan owners write through the real gateway (issue 6): a submitted batch counts in the region's cyber figures at
// once with small groups still withheld, one bad scan stops the whole batch, only cyber:write with an org claim
// may submit, and the scan's history says who wrote what, and when.
import { DEVELOPMENT_AUTH, NATIONAL_READ, signDevelopmentToken } from '@vo/kit';
import { graphql, graphqlOk, withToken } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { ROLES } from './support/roles.js';

/** The DTC's scan service: a system, named by its role in the token's subject. */
const SERVICE = 'dtc-basisscan-service';
let hub: Hub;
let writer: Record<string, string>;
beforeAll(async () => {
  hub = await startHub(['regions', 'cyber']);
  const token = await signDevelopmentToken(DEVELOPMENT_AUTH, { scopes: ['cyber:write', NATIONAL_READ], organisation: 'dtc', subject: SERVICE });
  writer = { authorization: `Bearer ${token}` };
});
afterAll(() => hub?.close());

const SUBMIT = `mutation($scans: [ScanInput!]!) { submitScanResults(scans: $scans) { written errors { path code message }
  scans { id region { code name } owner { id name } history { at actor organisation action changes { field before after } } } } }`;
/** Pentests of new companies in Groningen in 2025: pentests were only ever made in AA and LB, so the cell starts empty. */
const scan = (n: number, change: Record<string, unknown> = {}) => ({
  instrument: 'PENTEST', scannedOn: '2025-09-15', municipality: 'GM0014', sector: 'HOSPITALITY', sizeClass: 'MICRO', companyRef: `C-e2e${String(n).padStart(3, '0')}`,
  governance: 40, awareness: 45, accessControl: 50, softwareUpdates: 55, backups: 60, incidentResponse: 65, ...change,
});
const FIGURES = `{ region(code: "NN") { cyber(year: 2025) { scanCount } } country { cyber(year: 2025) { scanCount } }
  municipality(code: "GM0014") { cyber(year: 2025) { byInstrument { instrument scanCount suppression } } } }`;
const figures = async () => {
  const data = await ROLES.national.client.graphqlOk(hub.url, FIGURES);
  const pentest = data.municipality.cyber.byInstrument.find((entry: { instrument: string }) => entry.instrument === 'PENTEST');
  return { region: data.region.cyber.scanCount, country: data.country.cyber.scanCount, pentest };
};

describe('scan results through the gateway', () => {
  it('counts a submitted batch in the region and the country at once, and still withholds the small group it makes', async () => {
    const before = await figures();
    const result = await graphqlOk(hub.url, SUBMIT, { scans: [1, 2, 3, 4].map((n) => scan(n)) }, writer);
    expect(result.submitScanResults).toMatchObject({ written: 4, errors: [] });
    expect(result.submitScanResults.scans[0]).toMatchObject({ region: { code: 'NN', name: 'Noord-Nederland' }, owner: { id: 'dtc' } });
    const after = await figures();
    expect(after.region).toBe(before.region + 4);
    expect(after.country).toBe(before.country + 4);
    expect(before.pentest).toBeUndefined();
    expect(after.pentest).toEqual({ instrument: 'PENTEST', scanCount: null, suppression: 'PRIMARY' });
  });

  it('writes none of a batch of five when one scan is bad, and says which field of which scan', async () => {
    const before = await figures();
    const batch = [5, 6, 7, 8, 9].map((n) => scan(n, n === 8 ? { softwareUpdates: 150 } : {}));
    const { submitScanResults } = await graphqlOk(hub.url, SUBMIT, { scans: batch }, writer);
    expect(submitScanResults).toEqual({
      written: 0, scans: [],
      errors: [{ path: ['scans', '3', 'softwareUpdates'], code: 'OUT_OF_RANGE', message: 'softwareUpdates must be from 0 to 100; got 150.' }],
    });
    expect(await figures()).toEqual(before);
  });

  it('refuses anonymous callers, ministry analysts and another subgraph\'s writers with FORBIDDEN, writing nothing', async () => {
    const before = await figures();
    const callers = { anonymous: { graphql }, national: ROLES.national.client, kvoWriter: withToken({ scopes: ['kvo:write'], organisation: 'dtc' }) };
    for (const [name, client] of Object.entries(callers)) {
      const result = await client.graphql(hub.url, SUBMIT, { scans: [scan(10)] });
      expect({ name, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({ name, codes: ['FORBIDDEN'] });
      expect(result.errors?.[0].message).toBe('This field needs the scope cyber:write.');
    }
    expect(await figures()).toEqual(before);
  });

  it('shows in the history who wrote, when, and what changed; a scan sent again unchanged adds nothing', async () => {
    const started = new Date().toISOString();
    await graphqlOk(hub.url, SUBMIT, { scans: [scan(1, { backups: 90 })] }, writer);
    const { submitScanResults } = await graphqlOk(hub.url, SUBMIT, { scans: [scan(1, { backups: 90 })] }, writer);
    expect(submitScanResults.written).toBe(0);
    const [updated, created] = submitScanResults.scans[0].history;
    expect(updated).toMatchObject({ actor: SERVICE, organisation: 'dtc', action: 'updated', changes: [{ field: 'backups', before: '60', after: '90' }] });
    expect(updated.at >= started && updated.at <= new Date().toISOString()).toBe(true);
    expect(created).toMatchObject({ actor: SERVICE, action: 'created' });
    const { cyberScan } = await graphqlOk(hub.url, `{ cyberScan(id: "${submitScanResults.scans[0].id}") { history { action } } }`, undefined, writer);
    expect(cyberScan.history).toEqual([{ action: 'updated' }, { action: 'created' }]);
  });
});
