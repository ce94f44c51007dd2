import { rowProblems, STAGE, STAGE_LINE, type ImportSpec } from '@vo/kit/import';
import { sql } from 'drizzle-orm';
import type { Db } from '@vo/kit';
import { audit, certifications } from '../db/schema.js';
import { CERTIFICATION_AUDITED, CERTIFICATION_ENTITY } from '../writes/certifications.js';
import { chainStarts, renewalProblems } from '../writes/renewals.js';
import { checkCertification, type CertificationInput } from '../writes/rules.js';
import { CERTIFICATION_COLUMNS } from './columns.js';

/** The staged file as the renewal rules read a batch: in SQL, so a file of a million rows never enters memory. */
const STAGED = sql`(select ${STAGE_LINE} as line, id, site_id, scheme, certified_on, previous_id from ${STAGE})`;

/** Fills each renewal's chain start from its chain, stored or in the file, in one statement. */
async function completeChains(tx: Db) {
  await tx.execute(sql`
    update ${STAGE} s set chain_started_on = c.chain_started_on
    from (${chainStarts(STAGED)}) c
    where c.id = s.id and s.chain_started_on is distinct from c.chain_started_on`);
}

/** The KVO certificate file: one row per certificate, merged on its id (scheme, site and year unless the file gives one). */
export const certificationImport: ImportSpec<typeof certifications> = {
  // The mutations' entity and field names, so a certificate's history shows its imports and its corrections alike.
  entity: CERTIFICATION_ENTITY,
  audited: CERTIFICATION_AUDITED,
  target: certifications,
  audit,
  columns: CERTIFICATION_COLUMNS,
  key: { fields: [certifications.id], columns: ['siteId', 'scheme', 'certifiedOn'] },
  // A withdrawal is the certifier's mutation; a file re-imported after it must not bring the certificate back.
  preserved: [certifications.withdrawnOn, certifications.withdrawalReason],
  unique: [{ fields: [certifications.siteId, certifications.scheme, certifications.certifiedOn], columns: ['siteId', 'scheme', 'certifiedOn'] }],
  // The mutations' renewal rules, over the whole file at once.
  checks: [{ column: 'previousId', query: renewalProblems(STAGED) }],
  complete: completeChains,
  toRow(values) {
    const checked = checkCertification(values as unknown as CertificationInput, []);
    return checked.row ? { row: checked.row } : rowProblems(checked.errors);
  },
};
