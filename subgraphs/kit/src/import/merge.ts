import { eq, sql } from 'drizzle-orm';
import { auditActor, recordAudit, type AuditChanges } from '../audit.js';
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

/** One audit entry per staged row that creates or changes a record, its changed fields computed in SQL. */
async function auditStaged(tx: Db, spec: ImportSpec, viewer: Viewer, importId: number): Promise<MergeCounts> {
  const fields = fieldsOf(spec);
  const join = sql.raw(spec.key.fields.map((field) => `t."${field.name}" = s."${field.name}"`).join(' and '));
  const firstKey = sql.raw(`t."${spec.key.fields[0]!.name}"`);
  const keyText = sql.raw(`concat_ws(' / ', ${spec.key.fields.map((field) => `s."${field.name}"::text`).join(', ')})`);
  const changes = sql.join(
    fields.map(([property, column]) => {
      const [before, after] = [sql.raw(`t."${column.name}"`), sql.raw(`s."${column.name}"`)];
      return sql`case when ${before} is distinct from ${after} then jsonb_build_object(${property}::text, jsonb_build_array(to_jsonb(${before}), to_jsonb(${after}))) else '{}'::jsonb end`;
    }),
    sql` || `,
  );
  const actor = auditActor(viewer);
  const audited = await tx.execute(sql`
    with diff as (
      select ${keyText} as key, ${firstKey} is null as created, '{}'::jsonb || ${changes} as changes
      from ${STAGE} s left join ${spec.target} t on ${join}
    ), written as (
      insert into ${spec.audit} (actor, organisation, action, entity, key, changes, import_id)
      select ${actor.actor}, ${actor.organisation}, case when created then 'created' else 'updated' end, ${spec.entity}, key, changes, ${importId}::bigint
      from diff where created or changes <> '{}'::jsonb
      returning action
    )
    select action, count(*)::int as count from written group by action`);
  const counts = { created: 0, updated: 0 };
  for (const row of rowsOf<{ action: 'created' | 'updated'; count: number }>(audited)) counts[row.action] = Number(row.count);
  return counts;
}

/** Inserts new records and updates the changed ones; a row equal to its record is not rewritten. */
async function upsertStaged(tx: Db, spec: ImportSpec) {
  const fields = fieldsOf(spec);
  const keyNames = new Set(spec.key.fields.map((field) => field.name));
  const updated = fields.filter(([, column]) => !keyNames.has(column.name));
  await tx.execute(sql`
    insert into ${spec.target} as t (${columnList(fields)})
    select ${columnList(fields)} from ${STAGE}
    on conflict (${sql.join(spec.key.fields.map((field) => sql.identifier(field.name)), sql`, `)}) do update
    set ${sql.join(updated.map(([, column]) => sql.raw(`"${column.name}" = excluded."${column.name}"`)), sql`, `)}
    where (${columnList(updated, 't')}) is distinct from (${columnList(updated, 'excluded')})`);
}
