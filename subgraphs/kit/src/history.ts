import { and, desc, eq } from 'drizzle-orm';
import type { AuditTable } from './audit.js';
import { anyOf } from './children.js';
import type { Db } from './db.js';
import { groupLoader } from './loaders.js';
import { auditEntryResult } from './writes.js';

/** Reads the audit entries of many records of one entity type in one statement, newest first. */
export function auditHistories(db: Db, table: AuditTable, entity: string) {
  return (keys: readonly string[]) =>
    db.select().from(table).where(and(eq(table.entity, entity), anyOf(table.key, keys))).orderBy(desc(table.id));
}

type AuditRow = Awaited<ReturnType<ReturnType<typeof auditHistories>>>[number];

/**
 * The `history` field of one entity type, for one request: every record the request asks about is read in one
 * statement (a page of grants asking each for its history costs one query). Built with the request's other loaders,
 * so nothing is cached across requests and a write is in the history of the next request.
 */
export const auditHistoryLoader = (fetch: (keys: readonly string[]) => Promise<AuditRow[]>) => groupLoader(fetch, (row) => row.key);

/** Resolves a `history` field through the request's loader, as `AuditEntry` values. */
export async function historyOf(loader: ReturnType<typeof auditHistoryLoader>, key: string) {
  return (await loader.load(key)).map(auditEntryResult);
}
