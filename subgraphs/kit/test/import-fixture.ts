import { sql } from 'drizzle-orm';
import { bigint, date, pgSchema, text } from 'drizzle-orm/pg-core';
import { auditTable } from '../src/audit.js';
import type { Db } from '../src/db.js';
import { cents, date as dateCell, euroCents, knownValues, listOf, text as textCell, type ImportSpec, type RowProblem } from '../src/import/index.js';
import { MUNICIPALITIES } from '../src/reference/municipalities.js';
import type { Viewer } from '../src/roles.js';

/**
 * A small entity for the pipeline's own tests: payments to municipalities, with an amount (so negative and
 * malformed amounts can be tried before a subgraph with amounts imports), a reference to check in SQL and a list.
 */
const schema = pgSchema('import_test');
export const payments = schema.table('payment', {
  reference: text('reference').primaryKey(),
  municipalityCode: text('municipality_code').notNull(),
  paidOn: date('paid_on', { mode: 'string' }).notNull(),
  amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  note: text('note'),
  tags: text('tags').array().notNull(),
});
export const audit = auditTable(schema);

export async function createFixtureTables(db: Db) {
  await db.execute(sql`create schema if not exists import_test`);
  await db.execute(sql.raw(`create table import_test.payment (reference text primary key, municipality_code text not null, paid_on date not null,
      amount_cents bigint not null, note text, tags text[] not null)`));
  await db.execute(sql.raw(`create table import_test.audit_entry (id bigserial primary key, at timestamptz not null default now(), actor text not null,
      organisation text, action text not null, entity text not null, key text not null, changes jsonb not null, import_id bigint)`));
}

export const IMPORTER: Viewer = { authenticated: true, subject: 'payments-system', organisation: 'jenv', scopes: new Set(['import_test:write']) };

export const paymentSpec: ImportSpec<typeof payments> = {
  entity: 'Payment',
  target: payments,
  audit,
  key: { fields: [payments.reference], columns: ['reference'] },
  columns: [
    { key: 'reference', aliases: ['kenmerk', 'reference'], parse: textCell },
    { key: 'municipality', aliases: ['gemeentecode', 'municipality code', 'gemeente'], parse: textCell },
    { key: 'paidOn', aliases: ['betaald op', 'paid on', 'datum'], parse: dateCell({ from: 2000, to: 2100 }) },
    { key: 'amount', aliases: ['bedrag', 'amount'], parse: euroCents(), optional: true },
    { key: 'amountCents', aliases: ['bedrag in centen', 'amount cents'], parse: cents, optional: true },
    { key: 'note', aliases: ['omschrijving', 'description'], parse: textCell, optional: true },
    { key: 'tags', aliases: ['labels', 'tags'], parse: listOf(textCell), optional: true },
  ],
  references: [
    {
      field: payments.municipalityCode,
      column: 'municipality',
      known: knownValues(MUNICIPALITIES.map((m) => m.code)),
      reason: (code) => `Municipality "${code}" does not exist; use a CBS code such as GM0363.`,
    },
  ],
  toRow(values) {
    const problems: RowProblem[] = [];
    for (const key of ['reference', 'municipality', 'paidOn'] as const) {
      if (values[key] === null) problems.push({ column: key, reason: `${key} is required.`, code: 'REQUIRED' });
    }
    const amount = (values.amount ?? values.amountCents) as number | null;
    if (amount === null) problems.push({ column: 'amount', reason: 'Give an amount (bedrag) or an amount in cents.', code: 'REQUIRED' });
    if (problems.length) return { problems };
    const row = {
      reference: values.reference as string,
      municipalityCode: values.municipality as string,
      paidOn: values.paidOn as string,
      amountCents: amount!,
      note: values.note as string | null,
      tags: (values.tags as string[] | null) ?? [],
    };
    return { row };
  },
};
