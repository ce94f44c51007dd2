import { eq, sql } from 'drizzle-orm';
import { auditActor, recordAudit, type AuditChanges } from '../audit.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db.js';
import type { Viewer } from '../roles.js';
import type { ImportSpec } from './spec.js';
import { columnList, fieldsOf, rowsOf, STAGE } from './stage.js';

/** What a merge did: records created and changed (the rest of the file's rows were already as it says). */
export interface MergeCounts {
  created: number;
  updated: number;
}

/** Opens the import's `imported` audit entry, whose id every change of this file carries; its counts come at the end. */
export async function beginImport(tx: Db, spec: ImportSpec, viewer: Viewer, fileName: string): Promise<number> {
  const [entry] = await recordAudit(tx, spec.audit, viewer, [{ action: 'imported', entity: spec.entity, key: fileName, changes: { file: fileName } }]);
  return entry!.id;
}

export async function finishImport(tx: Db, spec: ImportSpec, importId: number, changes: AuditChanges) {
  await tx.update(spec.audit).set({ changes }).where(eq(spec.audit.id, importId));
}

/**
 * Merges the staged file into the target in two statements, whatever its size. First the audit: one entry per
 * record the file creates or changes, holding the changed fields as [before, after], computed in SQL against
 * the current rows. Then one INSERT ... ON CONFLICT DO UPDATE that touches only rows that differ, so a file
 * imported twice rewrites nothing.
 */
export async function mergeStaged(tx: Db, spec: ImportSpec, viewer: Viewer, importId: number): Promise<MergeCounts> {
  const counts = await auditStaged(tx, spec, viewer, importId);
  if (counts.created + counts.updated > 0) await upsertStaged(tx, spec);
  return counts;
}

/** The columns a file sets on an existing record: all but the key's and those other writes keep. */
function mergedFields(spec: ImportSpec): [string, PgColumn][] {
  const kept = new Set([...spec.key.fields, ...(spec.preserved ?? [])].map((column) => column.name));
  return fieldsOf(spec).filter(([, column]) => !kept.has(column.name));
}

/** The columns an audit entry shows, each with the name it shows it under (the spec's `audited`, or every column as is). */
function auditedColumns(spec: ImportSpec): [string, PgColumn][] {
  const names: Record<string, string | undefined> = spec.audited ?? {};
  const preserved = new Set((spec.preserved ?? []).map((column) => column.name));
  return fieldsOf(spec).filter(([, column]) => !preserved.has(column.name)).flatMap(([property, column]): [string, PgColumn][] =>
    spec.audited ? (names[property] ? [[names[property]!, column]] : []) : [[property, column]]);
}

/**
 * One audit entry per staged row that creates a record or changes an audited field, its changes computed in SQL;
 * a row that differs only in derived columns is counted (and merged) without an entry of its own.
 */
async function auditStaged(tx: Db, spec: ImportSpec, viewer: Viewer, importId: number): Promise<MergeCounts> {
  const join = sql.raw(spec.key.fields.map((field) => `t."${field.name}" = s."${field.name}"`).join(' and '));
  const firstKey = sql.raw(`t."${spec.key.fields[0]!.name}"`);
  const keyText = sql.raw(`concat_ws(' / ', ${spec.key.fields.map((field) => `s."${field.name}"::text`).join(', ')})`);
  const changes = sql.join(
    auditedColumns(spec).map(([name, column]) => {
      const [before, after] = [sql.raw(`t."${column.name}"`), sql.raw(`s."${column.name}"`)];
      return sql`case when ${before} is distinct from ${after} then jsonb_build_object(${name}::text, jsonb_build_array(to_jsonb(${before}), to_jsonb(${after}))) else '{}'::jsonb end`;
    }),
    sql` || `,
  );
  const merged = mergedFields(spec);
  const actor = auditActor(viewer);
  const [counts] = rowsOf<MergeCounts>(await tx.execute(sql`
    with diff as (
      select ${keyText} as key, ${firstKey} is null as created, (${columnList(merged, 't')}) is distinct from (${columnList(merged, 's')}) as differs,
        '{}'::jsonb || ${changes} as changes
      from ${STAGE} s left join ${spec.target} t on ${join}
    ), written as (
      insert into ${spec.audit} (actor, organisation, action, entity, key, changes, import_id)
      select ${actor.actor}, ${actor.organisation}, case when created then 'created' else 'updated' end, ${spec.entity}, key, changes, ${importId}::bigint
      from diff where created or changes <> '{}'::jsonb
    )
    select count(*) filter (where created)::int as created, count(*) filter (where differs and not created)::int as updated from diff`));
  return { created: Number(counts!.created), updated: Number(counts!.updated) };
}

/** Inserts new records and updates the changed ones; a row equal to its record is not rewritten. */
async function upsertStaged(tx: Db, spec: ImportSpec) {
  const fields = fieldsOf(spec);
  const updated = mergedFields(spec);
  await tx.execute(sql`
    insert into ${spec.target} as t (${columnList(fields)})
    select ${columnList(fields)} from ${STAGE}
    on conflict (${sql.join(spec.key.fields.map((field) => sql.identifier(field.name)), sql`, `)}) do update
    set ${sql.join(updated.map(([, column]) => sql.raw(`"${column.name}" = excluded."${column.name}"`)), sql`, `)}
    where (${columnList(updated, 't')}) is distinct from (${columnList(updated, 'excluded')})`);
}
