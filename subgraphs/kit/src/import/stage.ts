import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db.js';
import type { ImportProblemCode, ProblemLog } from './problems.js';
import type { CheckedRow } from './records.js';
import type { ImportSpec, UniqueKey } from './spec.js';

/** The staging table: temporary, private to the transaction, dropped when it ends whichever way it ends. */
export const STAGE = sql.identifier('import_stage');
/** The staged row's line in the file, for a spec's own checks to report. */
export const STAGE_LINE = sql.identifier('import_line');
const LINE = STAGE_LINE;

/** The target's columns as [property, column], the order every staging statement uses. */
export const fieldsOf = (spec: ImportSpec) => Object.entries(getTableColumns(spec.target)) as [string, PgColumn][];
export const columnList = (fields: [string, PgColumn][], prefix?: string) =>
  sql.join(fields.map(([, column]) => (prefix ? sql.raw(`${prefix}."${column.name}"`) : sql.identifier(column.name))), sql`, `);

/** Creates the staging table, shaped like the target plus each row's line in the file. */
export async function createStage(tx: Db, spec: ImportSpec) {
  await tx.execute(sql`create temp table ${STAGE} (like ${spec.target} including defaults) on commit drop`);
  await tx.execute(sql`alter table ${STAGE} add column ${LINE} integer not null`);
}

/** Rows per insert: one JSON parameter carries the whole batch, so only the statement's size bounds it. */
export const batchSize = (_spec: ImportSpec) => 2000;

/**
 * One insert per batch, the rows as a single JSON parameter that Postgres unpacks with jsonb_to_recordset into the
 * target's column types (text[] from JSON arrays included): far cheaper to build than a statement with a parameter
 * per value, and the same on PGlite and postgres.js.
 */
export async function stageRows(tx: Db, spec: ImportSpec, rows: CheckedRow<Record<string, unknown>>[]) {
  const fields = fieldsOf(spec);
  const json = JSON.stringify(rows.map(({ line, row }) => {
    const record: Record<string, unknown> = { import_line: line };
    for (const [property, column] of fields) record[column.name] = row[property] ?? null;
    return record;
  }));
  const types = sql.raw([`import_line integer`, ...fields.map(([, column]) => `"${column.name}" ${column.getSQLType()}`)].join(', '));
  await tx.execute(sql`insert into ${STAGE} (${LINE}, ${columnList(fields)})
    select ${LINE}, ${columnList(fields)} from jsonb_to_recordset(${json}::jsonb) as x(${types})`);
}

interface Finding {
  line: number;
  value: string | null;
  /** The line a repeated key first appeared on. */
  other: number | null;
  reason: string | null;
  /** A spec check's own code for the row, where it gives one. */
  code: ImportProblemCode | null;
  total: number;
}

/** Finds, in SQL over the whole staged file, repeated keys, keys other records hold, unknown references and the spec's own rules. */
export async function checkStaged(tx: Db, spec: ImportSpec, written: (column: string) => string, log: ProblemLog) {
  await tx.execute(sql`analyze ${STAGE}`);
  const report = async (column: string, code: ImportProblemCode | null, query: SQL, reason?: (found: Finding) => string) => {
    const found = await findings(tx, log.cap, query);
    for (const item of found) log.add({ line: item.line, column, value: item.value, reason: reason?.(item) ?? item.reason!, code: code ?? item.code! });
    log.total += (found[0]?.total ?? 0) - found.length;
  };
  for (const [index, unique] of [spec.key, ...(spec.unique ?? [])].entries()) {
    const column = unique.columns.map(written).join(', ');
    await report(column, 'DUPLICATE', repeatedKey(unique), (found) => `The same ${column} as line ${found.other}: a file holds each record once.`);
    if (index > 0) await report(column, 'DUPLICATE', heldByAnother(spec, unique), (found) => `Another record, ${found.reason}, already has this ${column}.`);
  }
  for (const reference of spec.references ?? []) {
    const field = sql.identifier(reference.field.name);
    await report(written(reference.column), 'UNKNOWN_REFERENCE', sql`
      select s.${LINE} as line, s.${field}::text as value, null::int as other, null as reason, count(*) over () as total
      from ${STAGE} s
      where s.${field} is not null and not exists (select 1 from (${reference.known}) as known (value) where known.value = s.${field})`,
      (found) => reference.reason(found.value ?? ''));
  }
  for (const check of spec.checks ?? []) {
    const code = check.code ? sql`null` : sql`code`;
    await report(written(check.column), check.code ?? null, sql`select line, value, null::int as other, reason, ${code} as code, count(*) over () as total from (${check.query}) as found where reason is not null`);
  }
}

const keyText = (unique: UniqueKey, alias: string) =>
  sql.raw(`concat_ws(' / ', ${unique.fields.map((field) => `${alias}."${field.name}"::text`).join(', ')})`);

/** Rows whose key an earlier line of the file already has. */
function repeatedKey(unique: UniqueKey): SQL {
  const key = sql.join(unique.fields.map((field) => sql.identifier(field.name)), sql`, `);
  return sql`
    select s.${LINE} as line, ${keyText(unique, 's')} as value, d.first_line as other, null as reason, count(*) over () as total
    from ${STAGE} s
    join (select ${key}, min(${LINE}) as first_line from ${STAGE} group by ${key} having count(*) > 1) d using (${key})
    where s.${LINE} <> d.first_line`;
}

/** Rows taking a unique key that a stored record with another merge key holds (the merge would collide with it). */
function heldByAnother(spec: ImportSpec, unique: UniqueKey): SQL {
  const same = sql.raw(unique.fields.map((field) => `t."${field.name}" = s."${field.name}"`).join(' and '));
  const other = sql.raw(`(${spec.key.fields.map((f) => `t."${f.name}"`).join(', ')}) is distinct from (${spec.key.fields.map((f) => `s."${f.name}"`).join(', ')})`);
  return sql`
    select s.${LINE} as line, ${keyText(unique, 's')} as value, null::int as other, ${keyText(spec.key, 't')} as reason, count(*) over () as total
    from ${STAGE} s join ${spec.target} t on ${same}
    where ${other}`;
}

async function findings(tx: Db, cap: number, query: SQL): Promise<Finding[]> {
  const result = await tx.execute(sql`${query} order by 1 limit ${cap}`);
  return rowsOf<Record<string, unknown>>(result).map((row) => ({
    line: Number(row.line), value: row.value as string | null, reason: row.reason as string | null, other: row.other == null ? null : Number(row.other),
    code: (row.code ?? null) as ImportProblemCode | null, total: Number(row.total),
  }));
}

/** The rows of a raw query, from PGlite (`{ rows }`) or postgres.js (an array). */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
