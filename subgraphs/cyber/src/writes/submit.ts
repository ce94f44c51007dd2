import { changedFields, recordAudit, upsertAll, type AuditEntryInput, type Db, type Viewer } from '@vo/kit';
import { inArray } from 'drizzle-orm';
import { audit, scans, type ScanInsert, type ScanRow } from '../db/schema.js';

/** The audit's name for a scan record. */
export const SCAN_ENTITY = 'CyberScan';

/** Which checked rows change the table, and the audit entry each one needs; identical rows need neither. */
function changesOf(rows: readonly ScanInsert[], stored: readonly ScanRow[]) {
  const before = new Map(stored.map((row) => [row.id, row]));
  const changed: ScanInsert[] = [];
  const entries: AuditEntryInput[] = [];
  for (const row of rows) {
    const was = before.get(row.id) ?? null;
    const changes = changedFields<Record<string, unknown>>(was, row as ScanRow);
    if (Object.keys(changes).length === 0) continue;
    changed.push(row);
    entries.push({ action: was ? 'updated' : 'created', entity: SCAN_ENTITY, key: row.id, changes });
  }
  return { changed, entries };
}

/**
 * Stores checked scans and their audit entries in one transaction: all or nothing. Rows that already hold these
 * values are left alone, so submitting the same batch again writes nothing and leaves no audit entry.
 * Returns how many scans were created or changed.
 */
export async function storeScans(db: Db, viewer: Viewer, rows: readonly ScanInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    // Locks the rows being replaced, so two submissions of one scan cannot both record it as created.
    const ids = rows.map((row) => row.id);
    const stored = await tx.select().from(scans).where(inArray(scans.id, ids)).for('update');
    const { changed, entries } = changesOf(rows, stored);
    await upsertAll(tx, scans, changed, [scans.id]);
    await recordAudit(tx, audit, viewer, entries);
    return changed.length;
  });
}
