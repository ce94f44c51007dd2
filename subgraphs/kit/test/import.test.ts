import { asc, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db.js';
import { runImport, schemaChecksum, type ImportReport } from '../src/import/index.js';
import { openTestDatabase } from '../src/testing.js';
import { audit, createFixtureTables, IMPORTER, payments, paymentSpec } from './import-fixture.js';

let database: DatabaseHandle;

const HEADER_NL = 'Kenmerk;Gemeentecode;Betaald op;Bedrag;Omschrijving;Labels';
const ROWS_NL = [
  'P-001;GM0363;23-11-2026;€ 6.000,00;Subsidie Café Noord;KVO|cyber',
  'P-002;GM0014;2026-01-03;6000,00;;',
  'P-003;GM0599;3/1/2026;6.000;Buitengebied;',
];

async function* chunks(bytes: Buffer, size = 7919) {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

const importFile = (content: string | Buffer, fileName = 'betalingen.csv') =>
  runImport({ db: database.db, spec: paymentSpec, viewer: IMPORTER, fileName, source: chunks(Buffer.isBuffer(content) ? content : Buffer.from(content)) });

const file = (header: string, rows: string[]) => `${header}\r\n${rows.join('\r\n')}\r\n`;

/** Imports a malformed file and checks that the report names the problem and that not one byte of the schema changed. */
async function expectRefused(content: string | Buffer, expected: Partial<ImportReport['problems'][number]>) {
  const before = await schemaChecksum(database.db, 'import_test');
  const report = await importFile(content);
  expect(report.status).toBe('rejected');
  expect(report.problems).toContainEqual(expect.objectContaining(expected));
  expect(await schemaChecksum(database.db, 'import_test')).toEqual(before);
  return report;
}

beforeAll(async () => {
  database = await openTestDatabase();
  await createFixtureTables(database.db);
});
afterAll(() => database?.close());

describe('bulk import pipeline', () => {
  it('imports a Dutch semicolon file with its dates, amounts and lists, auditing each record and the file', async () => {
    const report = await importFile(file(HEADER_NL, ROWS_NL));
    expect(report).toMatchObject({ status: 'imported', rows: 3, created: 3, updated: 0, unchanged: 0, problemCount: 0, encoding: 'utf-8' });
    expect(await database.db.select().from(payments).orderBy(asc(payments.reference))).toEqual([
      { reference: 'P-001', municipalityCode: 'GM0363', paidOn: '2026-11-23', amountCents: 600_000, note: 'Subsidie Café Noord', tags: ['KVO', 'cyber'] },
      { reference: 'P-002', municipalityCode: 'GM0014', paidOn: '2026-01-03', amountCents: 600_000, note: null, tags: [] },
      { reference: 'P-003', municipalityCode: 'GM0599', paidOn: '2026-01-03', amountCents: 600_000, note: 'Buitengebied', tags: [] },
    ]);
    const entries = await database.db.select().from(audit).where(eq(audit.importId, Number(report.importId)));
    expect(entries.map((e) => [e.action, e.key, e.actor])).toEqual([
      ['created', 'P-001', 'payments-system'], ['created', 'P-002', 'payments-system'], ['created', 'P-003', 'payments-system'],
    ]);
    expect(entries[0]!.changes).toMatchObject({ amountCents: [null, 600_000], paidOn: [null, '2026-11-23'], tags: [null, ['KVO', 'cyber']] });
    const [imported] = await database.db.select().from(audit).where(eq(audit.id, Number(report.importId)));
    expect(imported!.changes).toMatchObject({ file: 'betalingen.csv', rows: 3, created: 3, updated: 0, unchanged: 0, sha256: report.sha256 });
  });

  it('treats the same file again as a no-op: nothing written, the audit gains only the imported entry', async () => {
    const before = await database.db.select().from(payments).orderBy(asc(payments.reference));
    const auditBefore = await database.db.$count(audit);
    const report = await importFile(file(HEADER_NL, ROWS_NL));
    expect(report).toMatchObject({ status: 'imported', rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await database.db.select().from(payments).orderBy(asc(payments.reference))).toEqual(before);
    const added = await database.db.select().from(audit).where(eq(audit.id, Number(report.importId)));
    expect(await database.db.$count(audit)).toBe(auditBefore + 1);
    expect(added.map((e) => e.action)).toEqual(['imported']);
  });

  it('takes the same data in English with commas, Windows-1252 and a BOM, and a corrected file changes exactly its changed rows', async () => {
    const english = file('reference,municipality code,paid on,amount cents,description,tags', [
      'P-001,GM0363,2026-11-23,600000,Subsidie Café Noord,"KVO,cyber"',
      'P-002,GM0014,03-01-2026,650000,,',
      'P-003,GM0599,2026-01-03,600000,Buitengebied,',
    ]);
    const report = await importFile(iconv.encode(english, 'win1252'));
    expect(report).toMatchObject({ status: 'imported', encoding: 'windows-1252', created: 0, updated: 1, unchanged: 2 });
    const changed = await database.db.select().from(audit).where(eq(audit.importId, Number(report.importId)));
    expect(changed.map((e) => [e.action, e.key, e.changes])).toEqual([['updated', 'P-002', { amountCents: [600_000, 650_000] }]]);
    const again = await importFile(Buffer.from(`\ufeff${english}`));
    expect(again).toMatchObject({ status: 'imported', encoding: 'utf-8', created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses bad dates, amounts and negative amounts row by row, reporting every one with line, column and value', async () => {
    const report = await expectRefused(file(HEADER_NL, [ROWS_NL[0]!, 'P-010;GM0363;31-02-2026;10,00;;', 'P-011;GM0363;01-01-2026;tien euro;;', 'P-012;GM0363;01-01-2026;-5,00;;']), {
      line: 3, column: 'Betaald op', value: '31-02-2026', code: 'INVALID',
    });
    expect(report.problems.map((p) => [p.line, p.column, p.value, p.code])).toEqual([
      [3, 'Betaald op', '31-02-2026', 'INVALID'], [4, 'Bedrag', 'tien euro', 'INVALID'], [5, 'Bedrag', '-5,00', 'OUT_OF_RANGE'],
    ]);
    expect(report.problems[2]!.reason).toMatch(/negative/);
  });

  it('refuses duplicate keys within one file and unknown municipalities, found in SQL', async () => {
    const report = await expectRefused(file(HEADER_NL, [...ROWS_NL, 'P-002;GM0014;2026-01-04;1,00;;', 'P-020;GM9999;2026-01-04;1,00;;']), {
      line: 5, column: 'Kenmerk', value: 'P-002', code: 'DUPLICATE',
    });
    expect(report.problems.find((p) => p.code === 'DUPLICATE')!.reason).toMatch(/as line 3/);
    expect(report.problems).toContainEqual(expect.objectContaining({ line: 6, column: 'Gemeentecode', value: 'GM9999', code: 'UNKNOWN_REFERENCE' }));
  });

  it('refuses missing, unknown and repeated columns and rows with extra values', async () => {
    await expectRefused(file('Kenmerk;Betaald op;Bedrag', ['P-001;23-11-2026;10,00']), { line: 1, code: 'MISSING_COLUMN' });
    const unknown = await expectRefused(file(`${HEADER_NL};Kleur`, [`${ROWS_NL[0]};rood`]), { line: 1, code: 'UNKNOWN_COLUMN' });
    expect(unknown.problems[0]!.reason).toMatch(/"Kleur" is not a column/);
    await expectRefused(file(`${HEADER_NL};bedrag`, [`${ROWS_NL[0]};1`]), { line: 1, code: 'DUPLICATE_COLUMN' });
    await expectRefused(file(HEADER_NL, [`${ROWS_NL[0]};extra`]), { line: 2, value: 'extra', code: 'EXTRA_VALUES' });
  });

  it('refuses an empty file, a header without rows, UTF-16, and a 10 MB line without buffering it', async () => {
    await expectRefused('', { code: 'EMPTY' });
    await expectRefused(`${HEADER_NL}\n`, { line: 1, code: 'EMPTY' });
    await expectRefused(iconv.encode(`\ufeff${file(HEADER_NL, ROWS_NL)}`, 'utf16le'), { code: 'ENCODING' });
    await expectRefused(iconv.encode(file(HEADER_NL, ROWS_NL), 'utf16be'), { code: 'ENCODING' });
    const report = await expectRefused(`${file(HEADER_NL, ROWS_NL)}P-004;${'x'.repeat(10 * 1024 * 1024)}\n`, { line: 5, code: 'TOO_LONG' });
    expect(report.problems[0]!.reason).toMatch(/^Line 5 is longer than 65,536 characters/);
  });

  it('caps the listed problems but counts them all', async () => {
    const rows = Array.from({ length: 1500 }, (_, n) => `P-${n};GM0363;2026-99-01;1,00;;`);
    const report = await runImport({ db: database.db, spec: paymentSpec, viewer: IMPORTER, fileName: 'x.csv', source: chunks(Buffer.from(file(HEADER_NL, rows))), cap: 1000 });
    expect(report.problemCount).toBe(1500);
    expect(report.problems).toHaveLength(1000);
  });
});
