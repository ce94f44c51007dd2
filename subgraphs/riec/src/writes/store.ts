import { changedFields, inputError, recordAudit, upsertAll, type Db, type InputError, type Viewer } from '@vo/kit';
import { eq } from 'drizzle-orm';
import { audit, pictures, type PictureInsert, type PictureRow } from '../db/schema.js';
import { regionsOfRiec } from './rules.js';

/** The audit's name for a picture record. */
export const PICTURE_ENTITY = 'UnderminingPicture';

/** Runs `work` in one transaction with the picture's row locked, so a write and its audit entry commit together. */
function withLockedPicture<T>(db: Db, id: string, work: (tx: Db, stored: PictureRow | null) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const [stored] = await tx.select().from(pictures).where(eq(pictures.id, id)).for('update');
    return work(tx, stored ?? null);
  });
}

/**
 * Publishes a checked picture: creates it, corrects it, or publishes a withdrawn one again. A picture sent again
 * unchanged writes nothing and leaves no audit entry. Returns the picture as stored.
 */
export function publishPicture(db: Db, viewer: Viewer, row: PictureInsert): Promise<PictureRow> {
  return withLockedPicture(db, row.id, async (tx, stored) => {
    const changes = changedFields<Record<string, unknown>>(stored, row as PictureRow);
    if (stored && Object.keys(changes).length === 0) return stored;
    await upsertAll(tx, pictures, [row], [pictures.id]);
    await recordAudit(tx, audit, viewer, [{ action: stored ? 'updated' : 'created', entity: PICTURE_ENTITY, key: row.id, changes }]);
    return { ...(stored ?? {}), ...row } as PictureRow;
  });
}

/** Withdraws a published picture of the caller's RIEC: it is kept for its history and left out of every answer. */
export function withdrawPicture(db: Db, viewer: Viewer, id: string, reason: string): Promise<{ picture: PictureRow | null; errors: InputError[] }> {
  return withLockedPicture(db, id, async (tx, stored) => {
    if (!stored || stored.withdrawnAt) {
      return { picture: null, errors: [inputError(['id'], 'NOT_FOUND', `No published picture has the id "${id}".`)] };
    }
    if (!regionsOfRiec(viewer.organisation!).includes(stored.regionCode)) {
      return { picture: null, errors: [inputError(['id'], 'CONFLICT', `Picture ${id} is drawn by ${stored.producerId}; only a RIEC of region ${stored.regionCode} withdraws it.`)] };
    }
    const withdrawn = { ...stored, withdrawnAt: new Date().toISOString(), withdrawalReason: reason.trim() };
    await tx.update(pictures).set({ withdrawnAt: withdrawn.withdrawnAt, withdrawalReason: withdrawn.withdrawalReason }).where(eq(pictures.id, id));
    await recordAudit(tx, audit, viewer, [{ action: 'withdrawn', entity: PICTURE_ENTITY, key: id, changes: changedFields(stored, withdrawn) }]);
    return { picture: withdrawn, errors: [] };
  });
}
