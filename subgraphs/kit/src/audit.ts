import { bigint, bigserial, index, jsonb, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import type { Viewer } from './roles.js';

/**
 * Every write a partner makes, in the owning subgraph's own schema: who (the token's subject and organisation),
 * when, what (entity and key) and how (the fields that changed, before and after). One table per subgraph, made
 * by this factory, so every subgraph audits the same way. An import writes one `imported` entry for the file and
 * one entry per record it created or changed, all carrying the import's id; a file that changes nothing leaves
 * only the `imported` entry, which says so.
 */
export function auditTable(schema: PgSchema) {
  return schema.table(
    'audit_entry',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
      actor: text('actor').notNull(),
      organisation: text('organisation'),
      action: text('action').notNull(),
      entity: text('entity').notNull(),
      key: text('key').notNull(),
      changes: jsonb('changes').$type<AuditChanges>().notNull(),
      /** The `imported` entry of the file this change came from; null for a single mutation. */
      importId: bigint('import_id', { mode: 'number' }),
    },
    (table) => [index('audit_entry_record_idx').on(table.entity, table.key, table.id), index('audit_entry_import_idx').on(table.importId)],
  );
}

export type AuditTable = ReturnType<typeof auditTable>;
export type AuditAction = 'created' | 'updated' | 'withdrawn' | 'imported';
/** Field name to [before, after]; null before for a created record, null after for a removed one. An import's entry holds its counts. */
export type AuditChanges = Record<string, unknown>;

export interface AuditEntryInput {
  action: AuditAction;
  entity: string;
  key: string;
  changes: AuditChanges;
  importId?: number;
}

/** The actor columns of an entry: a write always has a verified token, whose subject names the caller. */
export function auditActor(viewer: Viewer): { actor: string; organisation: string | null } {
  if (!viewer.authenticated || !viewer.subject) throw new Error('A write reached the audit without a verified caller.');
  return { actor: viewer.subject, organisation: viewer.organisation ?? null };
}

/** Records entries inside the caller's transaction (pass `tx`), so the audit and the write commit together. */
export async function recordAudit(db: Db, table: AuditTable, viewer: Viewer, entries: AuditEntryInput[]) {
  if (entries.length === 0) return [];
  const actor = auditActor(viewer);
  return db
    .insert(table)
    .values(entries.map((entry) => ({ ...actor, ...entry })))
    .returning({ id: table.id, at: table.at });
}

/** The fields that differ between two versions of a record, as [before, after]; empty when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T | null, after: T | null): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const was = before?.[field] ?? null;
    const is = after?.[field] ?? null;
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = [was, is];
  }
  return changes;
}
