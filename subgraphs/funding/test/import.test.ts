// A ministry ledger exported from a Dutch spreadsheet, imported through the kit's pipeline with the grant rules:
// amounts as `€ 6.000,00`, dates as dd-mm-jjjj, all or nothing, and idempotent on the grants' natural key.
import { migrateSubgraph, subgraphWrite, type DatabaseHandle, type Viewer } from '@vo/kit';
import { runImport, schemaChecksum } from '@vo/kit/import';
import { openTestDatabase } from '@vo/kit/testing';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, grants } from '../src/db/schema.js';
import { grantImport } from '../src/import/grants.js';
import { createGrantWrites } from '../src/writes/grants.js';
import { checkCorrection } from '../src/writes/rules.js';
import { seedFunding } from '../src/seed/index.js';

const MINISTRY: Viewer = { authenticated: true, subject: 'jenv-grants-system', organisation: 'jenv', scopes: new Set([subgraphWrite('funding')]) };
const HEADER = "Financier;Ontvanger;Doel;Bedrag;Begindatum;Einddatum;Soort;Omschrijving;Thema's;Geoormerkt";
const ROWS = [
  'jenv;RR;safety-week;€ 6.000,00;01-07-2026;31-10-2026;Eenmalig;Aanbod voor een evenement in de Week van de Veiligheid.;;ja',
  'province-limburg;LB;structural;€ 540.000,00;01-01-2029;31-12-2031;Structureel;Driejarige subsidie van de provincie.;;',
  'GM0363;AA;covenant;€ 55.500,50;30-01-2027;31-12-2027;Structureel;Bijdrage aan het convenant.;Ondermijning|Cyber;',
];
const IDS = ['2026-jenv-rr-safety-week', '2029-province-limburg-lb-structural', '2027-gm0363-aa-covenant'];
const file = (rows: string[]) => Buffer.from(`\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`);

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await migrateSubgraph(database, 'funding', fileURLToPath(new URL('../migrations', import.meta.url)));
  await seedFunding(database.db);
});
afterAll(() => database?.close());

async function* chunks(bytes: Buffer) {
  yield bytes;
}
const importFile = (bytes: Buffer) => runImport({ db: database.db, spec: grantImport, viewer: MINISTRY, fileName: 'subsidies-2026.csv', source: chunks(bytes) });
const imported = () => database.db.select().from(grants).where(inArray(grants.id, IDS)).orderBy(asc(grants.id));

describe('importing a grants file', () => {
  it('refuses a file with a negative amount, naming line and column, and changes nothing', async () => {
    const before = await schemaChecksum(database.db, 'funding');
    const report = await importFile(file([ROWS[0]!, ROWS[1]!.replace('€ 540.000,00', '€ -540.000,00')]));
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([expect.objectContaining({ line: 3, column: 'Bedrag', value: '€ -540.000,00', code: 'OUT_OF_RANGE' })]);
    expect(await schemaChecksum(database.db, 'funding')).toEqual(before);
  });

  it('refuses a row the grant rules refuse (a period ending before it starts) at its column, writing nothing', async () => {
    const before = await schemaChecksum(database.db, 'funding');
    const report = await importFile(file([ROWS[0]!.replace('31-10-2026', '30-06-2026')]));
    expect(report).toMatchObject({ status: 'rejected', problems: [expect.objectContaining({ line: 2, column: 'Einddatum', code: 'OUT_OF_RANGE' })] });
    expect(await schemaChecksum(database.db, 'funding')).toEqual(before);
  });

  it('imports Dutch amounts and dates as euro cents and ISO dates, with the grants\' own ids, not synthetic', async () => {
    const report = await importFile(file(ROWS));
    expect(report).toMatchObject({ status: 'imported', rows: 3, created: 3, updated: 0, unchanged: 0, problemCount: 0 });
    expect((await imported()).map(({ id, amountCents, periodStart, themes, earmarked, synthetic }) => ({ id, amountCents, periodStart, themes, earmarked, synthetic }))).toEqual([
      { id: IDS[0], amountCents: 600_000, periodStart: '2026-07-01', themes: [], earmarked: true, synthetic: false },
      { id: IDS[2], amountCents: 5_550_050, periodStart: '2027-01-30', themes: ['UNDERMINING', 'CYBER'], earmarked: true, synthetic: false },
      { id: IDS[1], amountCents: 54_000_000, periodStart: '2029-01-01', themes: [], earmarked: false, synthetic: false },
    ]);
  });

  it('re-imports the same file as a no-op: no grant changes, and the audit holds only the import\'s own entry', async () => {
    const before = await imported();
    const report = await importFile(file(ROWS));
    expect(report).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 3 });
    expect(await imported()).toEqual(before);
    const entries = await database.db.select().from(audit).where(and(eq(audit.entity, 'Grant'), eq(audit.importId, Number(report.importId))));
    expect(entries).toEqual([]);
    const [own] = await database.db.select().from(audit).where(eq(audit.id, Number(report.importId)));
    expect(own).toMatchObject({ action: 'imported', actor: 'jenv-grants-system', organisation: 'jenv', changes: expect.objectContaining({ created: 0, updated: 0, unchanged: 3 }) });
  });

  it('names the fields in a grant\'s history as the schema does, whether the import or a correction wrote them', async () => {
    const id = IDS[0]!;
    const corrected = await createGrantWrites(database.db).correct(MINISTRY, id, (grant) => checkCorrection(grant, { via: 'ccv', reason: 'Delivered by the CCV' }));
    expect(corrected.errors).toEqual([]);
    // The original file again: it takes the correction back, so the import audits the very field the mutation did.
    expect(await importFile(file(ROWS))).toMatchObject({ status: 'imported', updated: 1, unchanged: 2 });
    const history = await database.db.select().from(audit).where(and(eq(audit.entity, 'Grant'), eq(audit.key, id))).orderBy(asc(audit.id));
    expect(history.map((entry) => [entry.action, entry.importId === null ? 'mutation' : 'import'])).toEqual([['created', 'import'], ['updated', 'mutation'], ['updated', 'import']]);
    const [created, byMutation, byImport] = history.map((entry) => Object.keys(entry.changes).sort());
    expect(byMutation).toEqual(['reason', 'via']);
    expect(byImport).toEqual(['via']);
    expect(created).toEqual(['amountCents', 'description', 'earmarked', 'funder', 'kind', 'periodEnd', 'periodStart', 'recipient', 'synthetic', 'themes', 'year']);
  });
});
