import { changedFields, inputError, recordAudit, type AuditAction, type Db, type InputError, type Viewer } from '@vo/kit';
import { auditedValues, type AuditedNames } from '@vo/kit/import';
import { eq } from 'drizzle-orm';
import { audit, certifications, type CertificationInsert, type CertificationRow } from '../db/schema.js';
import { validUntilOf } from '../domain.js';
import { checkCertificationReferences } from './references.js';
import { checkCertification, type CertificationInput } from './rules.js';
import { checkWithdrawal, withdrawalConflicts } from './withdrawal.js';

/** What a certificate write answers: the stored certificate, or the problems and nothing written. */
export type CertificationPayload = { certification: CertificationRow; errors: [] } | { certification: null; errors: InputError[] };
export type CertificationUpdate = Partial<Omit<CertificationInput, 'id'>>;

/** The audit entries' entity name: the SDL type. */
export const CERTIFICATION_ENTITY = 'Certification';

const refused = (errors: InputError[]): CertificationPayload => ({ certification: null, errors });

/** The fields a partner writes, by their SDL names: what an audit entry compares, for the mutations and the importer. */
export const CERTIFICATION_AUDITED = {
  siteId: 'siteId', scheme: 'scheme', certifiedOn: 'certifiedOn', validUntil: 'validUntil', kind: 'kind', previousId: 'previousId',
  themes: 'themes', withdrawnOn: 'withdrawnOn', withdrawalReason: 'withdrawalReason', synthetic: 'synthetic',
} satisfies AuditedNames<typeof certifications>;

const audited = (row: CertificationInsert) => auditedValues(row, CERTIFICATION_AUDITED);

const lockedById = async (tx: Db, id: string) => (await tx.select().from(certifications).where(eq(certifications.id, id)).for('update'))[0];
const notFound = (id: string) => inputError(['id'], 'NOT_FOUND', `Certificate "${id}" does not exist.`);

/** Stores `after` and its audit entry in the caller's transaction; writes nothing when no field changed. */
async function store(tx: Db, viewer: Viewer, action: AuditAction, before: CertificationRow | null, after: CertificationInsert): Promise<CertificationPayload> {
  const changes = changedFields(before && audited(before), audited(after));
  if (before && Object.keys(changes).length === 0) return { certification: before, errors: [] };
  const [stored] = before
    ? await tx.update(certifications).set(after).where(eq(certifications.id, before.id)).returning()
    : await tx.insert(certifications).values(after).returning();
  await recordAudit(tx, audit, viewer, [{ action, entity: CERTIFICATION_ENTITY, key: stored.id, changes }]);
  return { certification: stored, errors: [] };
}

/** Checks a whole certificate (the rules, then the database's), then stores it; one transaction. */
async function checkAndStore(db: Db, viewer: Viewer, input: CertificationInput, current: CertificationRow | null): Promise<CertificationPayload> {
  const checked = checkCertification(input, ['input']);
  if (!checked.row) return refused(checked.errors);
  const references = await checkCertificationReferences(db, [{ row: checked.row, path: ['input'] }]);
  if (references.errors.length > 0) return refused(references.errors);
  const row = references.rows[0];
  if (!current) {
    if (!(await lockedById(db, row.id))) return store(db, viewer, 'created', null, row);
    return refused([inputError(['input', 'id'], 'DUPLICATE', `Certificate "${row.id}" exists already; correct it with updateCertification, or give another id.`)]);
  }
  // A correction keeps what only the register knows: where the certificate came from, and its withdrawal.
  const corrected = { ...row, synthetic: current.synthetic, withdrawnOn: current.withdrawnOn, withdrawalReason: current.withdrawalReason };
  const conflicts = withdrawalConflicts(corrected, ['input']);
  return conflicts.length > 0 ? refused(conflicts) : store(db, viewer, 'updated', current, corrected);
}

/** Postgres' unique_violation, wrapped by drizzle or not. */
const isUniqueViolation = (error: unknown) =>
  [error, (error as { cause?: unknown })?.cause].some((e) => (e as { code?: string } | undefined)?.code === '23505');

export async function createCertification(db: Db, viewer: Viewer, input: CertificationInput): Promise<CertificationPayload> {
  try {
    return await db.transaction((tx) => checkAndStore(tx, viewer, input, null));
  } catch (error) {
    // A simultaneous create of the same certificate got in first: the checks could not see it yet.
    if (!isUniqueViolation(error)) throw error;
    return refused([inputError(['input', 'id'], 'DUPLICATE', 'The same certificate was registered at the same moment by another write; nothing was written.')]);
  }
}

/** The stored certificate as input, with the given fields over it; a standard validUntil follows certifiedOn. */
function merged(current: CertificationRow, update: CertificationUpdate): CertificationInput {
  const standard = current.validUntil === validUntilOf(current.certifiedOn);
  const base: CertificationInput = { ...current, validUntil: standard ? null : current.validUntil };
  const given = Object.fromEntries(Object.entries(update).filter(([, value]) => value !== undefined));
  return { ...base, ...given, id: current.id };
}

export async function updateCertification(db: Db, viewer: Viewer, id: string, update: CertificationUpdate): Promise<CertificationPayload> {
  return db.transaction(async (tx) => {
    const current = await lockedById(tx, id);
    if (!current) return refused([notFound(id)]);
    return checkAndStore(tx, viewer, merged(current, update), current);
  });
}

export async function withdrawCertification(db: Db, viewer: Viewer, id: string, withdrawnOn: string, reason: string): Promise<CertificationPayload> {
  return db.transaction(async (tx) => {
    const current = await lockedById(tx, id);
    if (!current) return refused([notFound(id)]);
    if (current.withdrawnOn) {
      return refused([inputError(['id'], 'CONFLICT', `Certificate "${id}" was withdrawn already, on ${current.withdrawnOn}.`)]);
    }
    const errors = checkWithdrawal(current, withdrawnOn, reason);
    if (errors.length > 0) return refused(errors);
    return store(tx, viewer, 'withdrawn', current, { ...current, withdrawnOn, withdrawalReason: reason.trim() });
  });
}
