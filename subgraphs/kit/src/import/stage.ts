import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db.js';
import type { ProblemLog } from './problems.js';
import type { CheckedRow } from './records.js';
import type { ImportSpec } from './spec.js';

/** The staging table: temporary, private to the transaction, dropped when it ends whichever way it ends. */
export const STAGE = sql.identifier('import_stage');
const LINE = sql.identifier('import_line');
/** Rows per insert, keeping one statement's parameters well under Postgres' limit of 65,535. */
const PARAMETERS_PER_BATCH = 30_000;

/** The target's columns as [property, column], the order every staging statement uses. */
export const fieldsOf = (spec: ImportSpec) => Object.entries(getTableColumns(spec.target)) as [string, PgColumn][];
export const columnList = (fields: [string, PgColumn][], prefix?: string) =>
  sql.join(fields.map(([, column]) => (prefix ? sql.raw(`${prefix}."${column.name}"`) : sql.identifier(column.name))), sql`, `);

/** Creates the staging table, shaped like the target plus each row's line in the file. */
export async function createStage(tx: Db, spec: ImportSpec) {
  await tx.execute(sql`create temp table ${STAGE} (like ${spec.target} including defaults) on commit drop`);
  await tx.execute(sql`alter table ${STAGE} add column ${LINE} integer not null`);
}

export const batchSize = (spec: ImportSpec) => Math.max(1, Math.floor(PARAMETERS_PER_BATCH / (fieldsOf(spec).length + 1)));

/** One multi-row insert; each value goes through its column's encoder (arrays, dates), as drizzle's own inserts do. */
export async function stageRows(tx: Db, spec: ImportSpec, rows: CheckedRow<Record<string, unknown>>[]) {
  const fields = fieldsOf(spec);
  const tuples = rows.map(({ line, row }) => {
    const values = fields.map(([property, column]) => (row[property] == null ? sql`null` : sql.param(row[property], column)));
    return sql`(${line}, ${sql.join(values, sql`, `)})`;
  });
  await tx.execute(sql`insert into ${STAGE} (${LINE}, ${columnList(fields)}) values ${sql.join(tuples, sql`, `)}`);
}

interface Finding {
  line: number;
  value: string | null;
  other: number | null;
  total: number;
}

/** Finds, in SQL over the whole staged file, rows repeating another row's natural key and references that do not exist. */
export async function checkStaged(tx: Db, spec: ImportSpec, written: (column: string) => string, log: ProblemLog) {
  await tx.execute(sql`analyze ${STAGE}`);
  const key = spec.key.fields.map((field) => sql.identifier(field.name));
  const keyText = sql.raw(`concat_ws(' / ', ${spec.key.fields.map((field) => `s."${field.name}"::text`).join(', ')})`);
  const duplicates = await findings(tx, log.cap, sql`
    select s.${LINE} as line, ${keyText} as value, d.first_line as other, count(*) over () as total
    from ${STAGE} s
    join (select ${sql.join(key, sql`, `)}, min(${LINE}) as first_line from ${STAGE} group by ${sql.join(key, sql`, `)} having count(*) > 1) d
      using (${sql.join(key, sql`, `)})
    where s.${LINE} <> d.first_line`);
  const column = spec.key.columns.map(written).join(', ');
  for (const found of duplicates) {
    log.add({ line: found.line, column, value: found.value, reason: `The same ${column} as line ${found.other}: a file holds each record once.`, code: 'DUPLICATE' });
  }
  log.total += (duplicates[0]?.total ?? 0) - duplicates.length;
  for (const reference of spec.references ?? []) {
    const field = sql.identifier(reference.field.name);
    const missing = await findings(tx, log.cap, sql`
      select s.${LINE} as line, s.${field}::text as value, null::int as other, count(*) over () as total
      from ${STAGE} s
      where s.${field} is not null and not exists (select 1 from (${reference.known}) as known (value) where known.value = s.${field})`);
    for (const found of missing) {
      log.add({ line: found.line, column: written(reference.column), value: found.value, reason: reference.reason(found.value ?? ''), code: 'UNKNOWN_REFERENCE' });
    }
    log.total += (missing[0]?.total ?? 0) - missing.length;
  }
}

async function findings(tx: Db, cap: number, query: SQL): Promise<Finding[]> {
  const result = await tx.execute(sql`${query} order by 1 limit ${cap}`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({ line: Number(row.line), value: row.value as string | null, other: row.other == null ? null : Number(row.other), total: Number(row.total) }));
}

/** The rows of a raw query, from PGlite (`{ rows }`) or postgres.js (an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
