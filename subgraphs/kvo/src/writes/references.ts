import { anyOf, inputError, type Db, type InputError, type InputErrorCode } from '@vo/kit';
import { or } from 'drizzle-orm';
import { certifications, type CertificationInsert } from '../db/schema.js';

/** A checked row (from `checkCertification`) and where its input sits, for the error paths. */
export interface CheckedRow {
  row: CertificationInsert;
  path: string[];
}

type Known = Pick<CertificationInsert, 'id' | 'siteId' | 'scheme' | 'certifiedOn' | 'previousId' | 'chainStartedOn'>;

/** The stored certificates the rows refer to or collide with, in one statement however many rows come. */
async function related(db: Db, rows: CertificationInsert[]): Promise<Known[]> {
  const previousIds = rows.flatMap((row) => (row.previousId ? [row.previousId] : []));
  const c = certifications;
  return db
    .select({ id: c.id, siteId: c.siteId, scheme: c.scheme, certifiedOn: c.certifiedOn, previousId: c.previousId, chainStartedOn: c.chainStartedOn })
    .from(c)
    .where(or(anyOf(c.id, previousIds), anyOf(c.previousId, previousIds), anyOf(c.siteId, rows.map((row) => row.siteId))));
}

/** What is wrong with `row`'s previous certificate, or null; `renewedBy` lists who renews what already. */
function previousProblem(row: CertificationInsert, previous: Known | undefined, renewedBy: Map<string, string[]>): Problem | null {
  if (!previous) return ['UNKNOWN_REFERENCE', `Certificate "${row.previousId}" does not exist; a recertification names the certificate it renews.`];
  if (previous.id === row.id) return ['INVALID', 'A certificate cannot renew itself.'];
  if (previous.siteId !== row.siteId || previous.scheme !== row.scheme) {
    return ['CONFLICT', `${previous.id} is a ${previous.scheme} certificate of site ${previous.siteId}; a renewal keeps its site and scheme.`];
  }
  if (previous.certifiedOn >= row.certifiedOn) return ['CONFLICT', `${previous.id} was issued on ${previous.certifiedOn}; its renewal must come later.`];
  const other = renewedBy.get(previous.id)?.find((id) => id !== row.id);
  return other ? ['CONFLICT', `${previous.id} is renewed already, by ${other}.`] : null;
}

type Problem = [InputErrorCode, string];
const naturalKey = (known: Known) => `${known.siteId}|${known.scheme}|${known.certifiedOn}`;

/** Stored certificates overlaid with the batch's rows, and who renews whom and holds which natural key. */
function overlay(stored: Known[], batch: CheckedRow[]) {
  const byId = new Map(stored.map((known) => [known.id, known]));
  for (const { row } of batch) byId.set(row.id, row);
  const renewedBy = new Map<string, string[]>();
  const holder = new Map<string, string>();
  for (const known of byId.values()) {
    if (known.previousId) renewedBy.set(known.previousId, [...(renewedBy.get(known.previousId) ?? []), known.id]);
    if (!holder.has(naturalKey(known))) holder.set(naturalKey(known), known.id);
  }
  return { byId, renewedBy, holder };
}

/**
 * The checks of certificate rows that need the database, for a mutation's one row or a whole import file at once
 * (rows of the same batch count as stored): a renewal names an existing certificate of the same site and scheme,
 * issued earlier and renewed by no other; no two certificates share site, scheme and day. Completes each
 * recertification's `chainStartedOn` from its chain. Run it inside the writing transaction.
 */
export async function checkCertificationReferences(db: Db, batch: CheckedRow[]): Promise<{ rows: CertificationInsert[]; errors: InputError[] }> {
  if (batch.length === 0) return { rows: [], errors: [] };
  const { byId, renewedBy, holder } = overlay(await related(db, batch.map((item) => item.row)), batch);
  const errors: InputError[] = [];
  for (const { row, path } of batch) {
    const problem = row.previousId ? previousProblem(row, byId.get(row.previousId), renewedBy) : null;
    if (problem) errors.push(inputError([...path, 'previousId'], ...problem));
    const twin = holder.get(naturalKey(row));
    if (twin !== row.id) {
      errors.push(inputError([...path, 'certifiedOn'], 'DUPLICATE', `${twin} is already the ${row.scheme} certificate of site ${row.siteId} issued on ${row.certifiedOn}.`));
    }
  }
  if (errors.length > 0) return { rows: [], errors };
  const inBatch = new Set(batch.map(({ row }) => row.id));
  return { rows: batch.map(({ row }) => ({ ...row, chainStartedOn: chainStart(row, byId, inBatch) })), errors: [] };
}

/** The first day of `row`'s renewal chain: a stored predecessor knows it; one in the same batch is followed back. */
function chainStart(row: Known, byId: Map<string, Known>, inBatch: Set<string>, seen = new Set<string>()): string {
  const previous = row.previousId ? byId.get(row.previousId) : undefined;
  if (!previous || seen.has(previous.id)) return row.certifiedOn;
  if (!inBatch.has(previous.id)) return previous.chainStartedOn ?? previous.certifiedOn;
  seen.add(row.id);
  return chainStart(previous, byId, inBatch, seen);
}
