// Issue 6, the ministry's ledger through the hub's upload: POST /import/funding on the gateway reaches the funding
// subgraph's importer. A refused file changes no byte of the funding schema; an imported one counts at once in the
// open figures; the same file again is a no-op.
import { subgraphWrite } from '@vo/kit';
import { schemaChecksum } from '@vo/kit/import';
import { authHeaders, graphqlOk } from '@vo/kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';

const HEADER = 'Financier;Ontvanger;Doel;Bedrag;Begindatum;Einddatum;Soort;Omschrijving';
const ROW = 'jenv;NN;ledger-test;€ 12.345,67;01-03-2031;30-11-2031;Eenmalig;Een bijdrage uit het grootboek van het ministerie.';
const file = (rows: string[]) => `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`;

let hub: Hub;
beforeAll(async () => {
  hub = await startHub(['regions', 'funding']);
});
afterAll(() => hub?.close());

async function upload(body: string) {
  const response = await fetch(`${hub.baseUrl}/import/funding`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', 'x-file-name': 'grootboek-2031.csv', ...(await authHeaders({ scopes: [subgraphWrite('funding')], organisation: 'jenv' })) },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}
const total2031 = async () =>
  (await graphqlOk(hub.url, '{ region(code: "NN") { funding { perYear(from: 2031, to: 2031) { totalCents grantCount } } } }')).region.funding.perYear[0];
const checksum = () => schemaChecksum(hub.subgraphs.funding!.database.db, 'funding');

describe('a grants file uploaded through the gateway (issue 6)', () => {
  it('refuses a negative amount naming its line and column, with the funding schema unchanged', async () => {
    const before = await checksum();
    const answer = await upload(file([ROW.replace('€ 12.345,67', '€ -12.345,67')]));
    expect(answer.status).toBe(422);
    expect(answer.body.problems).toContainEqual(expect.objectContaining({ line: 2, column: 'Bedrag', code: 'OUT_OF_RANGE' }));
    expect(await checksum()).toEqual(before);
  });

  it('refuses a grant to a municipality that does not exist, naming the code, with the funding schema unchanged', async () => {
    const before = await checksum();
    const answer = await upload(file([ROW, ROW.replace('jenv;NN;', 'GM9999;NN;')]));
    expect(answer.status).toBe(422);
    expect(answer.body.problems).toEqual([expect.objectContaining({ line: 3, column: 'Financier', value: 'GM9999', code: 'UNKNOWN_REFERENCE' })]);
    expect(await checksum()).toEqual(before);
  });

  it('imports a file, counted at once in the region figures, and a second import of it changes nothing', async () => {
    const before = await total2031();
    const first = await upload(file([ROW]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'imported', rows: 1, created: 1, updated: 0, unchanged: 0 });
    expect(await total2031()).toEqual({ totalCents: before.totalCents + 1_234_567, grantCount: before.grantCount + 1 });

    const tables = await checksum();
    const again = await upload(file([ROW]));
    expect(again.body).toMatchObject({ status: 'imported', rows: 1, created: 0, updated: 0, unchanged: 1 });
    const after = await checksum();
    // Only the audit grew, by the one `imported` entry that says nothing changed.
    expect({ ...after, audit_entry: null }).toEqual({ ...tables, audit_entry: null });
    expect(after.audit_entry).not.toBe(tables.audit_entry);
  });
});
