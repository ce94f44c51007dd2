import { changedFields, inputError, recordAudit, type Db, type InputError, type Viewer } from '@vo/kit';
import { asc, eq } from 'drizzle-orm';
import { audit, pvoPartners, pvos } from '../db/schema.js';
import type { PvoRow, PvoState } from './rules.js';

const ENTITY = 'Pvo';

/** What an update gives back: the PVO as it now is, or the problems (and then nothing was written). */
export interface PvoResult {
  pvo: PvoRow | null;
  errors: InputError[];
}

/** A PVO's changing facts as the schema names them: what the audit compares and shows. */
function auditedPvo(pvo: PvoState) {
  return {
    legalForm: pvo.legalForm, formDescription: pvo.formDescription, orientation: pvo.orientation, base: pvo.base,
    host: pvo.hostId, embeddedIn: pvo.embeddedInId, businessRepresented: pvo.businessRepresented,
    managerArrangement: pvo.managerArrangement, managerFte: pvo.managerFte, ccvAdviserDaysPerWeek: pvo.ccvAdviserDaysPerWeek,
    themes: pvo.themes, website: pvo.website, startedYear: pvo.startedYear, facts: pvo.facts, partners: [...pvo.partners].sort(),
  };
}

/** Writes PVO facts; the update, its partners and its audit entry commit together or not at all. */
export function createPvoWrites(db: Db) {
  /**
   * Updates a region's PVO under a row lock, so two updates never interleave; `check` applies the rules to the PVO as
   * it is now. An update that changes nothing writes nothing, not even an audit entry.
   */
  const update = (viewer: Viewer, region: string, check: (pvo: PvoState) => { pvo: PvoState | null; errors: InputError[] }): Promise<PvoResult> =>
    db.transaction(async (tx) => {
      const [row] = await tx.select().from(pvos).where(eq(pvos.regionCode, region)).for('update');
      if (!row) return { pvo: null, errors: [inputError(['region'], 'NOT_FOUND', `Region "${region}" does not exist: use NN, ON, MN, NH, AA, DH, RR, ZWB, OB or LB.`)] };
      const links = await tx.select().from(pvoPartners).where(eq(pvoPartners.regionCode, region)).orderBy(asc(pvoPartners.organisationId));
      const current: PvoState = { ...row, partners: links.map((link) => link.organisationId) };
      const { pvo: next, errors } = check(current);
      if (!next) return { pvo: null, errors };
      const changes = changedFields(auditedPvo(current), auditedPvo(next));
      if (Object.keys(changes).length === 0) return { pvo: row, errors: [] };
      const { partners, ...facts } = next;
      const [updated] = await tx.update(pvos).set(facts).where(eq(pvos.regionCode, region)).returning();
      if ('partners' in changes) {
        await tx.delete(pvoPartners).where(eq(pvoPartners.regionCode, region));
        if (partners.length) await tx.insert(pvoPartners).values(partners.map((organisationId) => ({ regionCode: region, organisationId })));
      }
      await recordAudit(tx as unknown as Db, audit, viewer, [{ action: 'updated', entity: ENTITY, key: region, changes }]);
      return { pvo: updated, errors: [] };
    });
  return { update };
}
