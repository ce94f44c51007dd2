import { changedFields, inputError, recordAudit, type Db, type InputError, type Viewer } from '@vo/kit';
import { auditedValues, type AuditedNames } from '@vo/kit/import';
import { eq } from 'drizzle-orm';
import { audit, grants, type GrantInsert, type GrantRow } from '../db/schema.js';
import type { Checked } from './rules.js';

const ENTITY = 'Grant';

/** What a write gives back: the grant as it now is, or the problems (and then nothing was written). */
export interface GrantResult {
  grant: GrantRow | null;
  errors: InputError[];
}

/** A grant's audited columns by the names the schema gives them, for the mutations and the importer alike. */
export const GRANT_AUDITED = {
  funderId: 'funder', recipientId: 'recipient', viaId: 'via', amountCents: 'amountCents', periodStart: 'periodStart',
  periodEnd: 'periodEnd', year: 'year', kind: 'kind', themes: 'themes', earmarked: 'earmarked', description: 'description',
  synthetic: 'synthetic', source: 'source',
} satisfies AuditedNames<typeof grants>;

/** A grant's fields as the schema names them: what the audit compares and shows. */
export const auditedGrant = (row: GrantInsert) => auditedValues(row, GRANT_AUDITED);

const duplicate = (id: string) =>
  inputError(['input', 'purpose'], 'DUPLICATE',
    `Grant ${id} already exists (same budget year, funder, recipient and purpose): correct it with correctGrant, or give this grant another purpose.`);

/** Writes grants; each write and its audit entry commit together or not at all. */
export function createGrantWrites(db: Db) {
  return {
    /** Inserts a checked grant; DUPLICATE when its id is taken, even by a concurrent write. */
    record: (viewer: Viewer, row: GrantInsert): Promise<GrantResult> =>
      db.transaction(async (tx) => {
        const [grant] = await tx.insert(grants).values(row).onConflictDoNothing().returning();
        if (!grant) return { grant: null, errors: [duplicate(row.id)] };
        const changes = changedFields(null, auditedGrant(grant));
        await recordAudit(tx as unknown as Db, audit, viewer, [{ action: 'created', entity: ENTITY, key: grant.id, changes }]);
        return { grant, errors: [] };
      }),

    /**
     * Corrects a grant under a row lock, so two corrections never interleave; `check` applies the rules to the
     * grant as it is now. A correction that changes nothing writes nothing, not even an audit entry.
     */
    correct: (viewer: Viewer, id: string, check: (grant: GrantRow) => Checked<GrantRow> & { reason: string | null }): Promise<GrantResult> =>
      db.transaction(async (tx) => {
        const [grant] = await tx.select().from(grants).where(eq(grants.id, id)).for('update');
        if (!grant) return { grant: null, errors: [inputError(['id'], 'NOT_FOUND', `Grant "${id}" does not exist.`)] };
        const { row, errors, reason } = check(grant);
        if (!row) return { grant: null, errors };
        const changes = changedFields(auditedGrant(grant), auditedGrant(row));
        if (Object.keys(changes).length === 0) return { grant, errors: [] };
        const [updated] = await tx.update(grants).set(row).where(eq(grants.id, id)).returning();
        await recordAudit(tx as unknown as Db, audit, viewer, [
          { action: 'updated', entity: ENTITY, key: id, changes: { ...changes, reason: [null, reason] } },
        ]);
        return { grant: updated, errors: [] };
      }),
  };
}
