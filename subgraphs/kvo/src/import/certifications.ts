import { STAGE, STAGE_LINE, type ImportSpec, type RowProblem } from '@vo/kit/import';
import { sql } from 'drizzle-orm';
import type { Db } from '@vo/kit';
import { audit, certifications } from '../db/schema.js';
import { CERTIFICATION_ENTITY } from '../writes/certifications.js';
import { checkCertification, type CertificationInput } from '../writes/rules.js';
import { CERTIFICATION_COLUMNS } from './columns.js';

/** Every certificate as the file would leave it: the staged rows, and the stored ones the file does not hold. */
const AFTER_IMPORT = sql`
  select id, site_id, scheme, certified_on, previous_id, chain_started_on from ${STAGE}
  union all
  select id, site_id, scheme, certified_on, previous_id, chain_started_on from ${certifications} t
  where not exists (select 1 from ${STAGE} x where x.id = t.id)`;

/**
 * The renewal rules over the whole file at once (the mutation checks one row against the database in
 * writes/references.ts; a file of a million rows is checked here in SQL, with the same rules and messages).
 */
const RENEWAL_CHECKS: ImportSpec['checks'] = [
  {
    column: 'previousId',
    code: 'CONFLICT',
    query: sql`
      select s.${STAGE_LINE} as line, s.previous_id as value,
        case when p.id = s.id then 'A certificate cannot renew itself.'
             when p.site_id <> s.site_id or p.scheme <> s.scheme
               then p.id || ' is a ' || p.scheme || ' certificate of site ' || p.site_id || '; a renewal keeps its site and scheme.'
             when p.certified_on >= s.certified_on then p.id || ' was issued on ' || p.certified_on || '; its renewal must come later.'
        end as reason
      from ${STAGE} s join (${AFTER_IMPORT}) p on p.id = s.previous_id`,
  },
  {
    column: 'previousId',
    code: 'CONFLICT',
    query: sql`
      select s.${STAGE_LINE} as line, s.previous_id as value,
        s.previous_id || ' is renewed already, by ' || case when r.first <> s.id then r.first else r.last end || '.' as reason
      from ${STAGE} s
      join (select previous_id, min(id) as first, max(id) as last from (${AFTER_IMPORT}) a group by previous_id having count(*) > 1) r
        on r.previous_id = s.previous_id`,
  },
];

/** Fills each renewal's chain start from its predecessor, stored or in the file, a link of the chain per pass. */
async function completeChains(tx: Db) {
  for (let pass = 0; pass < 100; pass += 1) {
    const result = await tx.execute(sql`
      update ${STAGE} s set chain_started_on = p.chain_started_on
      from (${AFTER_IMPORT}) p
      where p.id = s.previous_id and s.chain_started_on is distinct from p.chain_started_on`);
    const changed = (result as { count?: number; affectedRows?: number }).count ?? (result as { affectedRows?: number }).affectedRows ?? 0;
    if (changed === 0) return;
  }
}

/** The KVO certificate file: one row per certificate, merged on its id (scheme, site and year unless the file gives one). */
export const certificationImport: ImportSpec<typeof certifications> = {
  // The mutations' name, so a certificate's history shows its imports and its corrections together.
  entity: CERTIFICATION_ENTITY,
  target: certifications,
  audit,
  columns: CERTIFICATION_COLUMNS,
  key: { fields: [certifications.id], columns: ['siteId', 'scheme', 'certifiedOn'] },
  unique: [{ fields: [certifications.siteId, certifications.scheme, certifications.certifiedOn], columns: ['siteId', 'scheme', 'certifiedOn'] }],
  references: [
    {
      field: certifications.previousId,
      column: 'previousId',
      known: sql`select id from ${STAGE} union all select id from ${certifications}`,
      reason: (id) => `Certificate "${id}" does not exist; a recertification names the certificate it renews.`,
    },
  ],
  checks: RENEWAL_CHECKS,
  complete: completeChains,
  toRow(values) {
    const checked = checkCertification(values as unknown as CertificationInput, []);
    if (checked.row) return { row: checked.row };
    return { problems: checked.errors.map((error): RowProblem => ({ column: error.path.at(-1), reason: error.message, code: error.code })) };
  },
};
