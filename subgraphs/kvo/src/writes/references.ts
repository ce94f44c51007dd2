import { inputError, type Db, type InputError, type InputErrorCode } from '@vo/kit';
import { rowsOf } from '@vo/kit/import';
import { sql } from 'drizzle-orm';
import { certifications, type CertificationInsert } from '../db/schema.js';
import { chainStarts, renewalProblems } from './renewals.js';

/** A checked row (from `checkCertification`) and where its input sits, for the error paths. */
export interface CheckedRow {
  row: CertificationInsert;
  path: string[];
}

/** The batch as a relation for the renewal rules: one JSON parameter, its rows numbered in the batch's order. */
const BATCH = sql`${sql.identifier('batch')}`;
const batchOf = (rows: CertificationInsert[]) => {
  const json = JSON.stringify(rows.map((row, line) => ({ line, id: row.id, site_id: row.siteId, scheme: row.scheme, certified_on: row.certifiedOn, previous_id: row.previousId ?? null })));
  return sql`select * from jsonb_to_recordset(${json}::jsonb) as x(line int, id text, site_id text, scheme text, certified_on date, previous_id text)`;
};

/** Rows taking the site, scheme and day of another certificate: a stored one first, else an earlier row of the batch. */
const naturalKeyTaken = sql`
  select b.line, h.id || ' is already the ' || b.scheme || ' certificate of site ' || b.site_id || ' issued on ' || b.certified_on || '.' as reason
  from ${BATCH} b cross join lateral (
    select id from (
      select t.id, -1 as line from ${certifications} t where not exists (select 1 from ${BATCH} x where x.id = t.id)
        and (t.site_id, t.scheme, t.certified_on) = (b.site_id, b.scheme, b.certified_on)
      union all
      select x.id, x.line from ${BATCH} x where (x.site_id, x.scheme, x.certified_on) = (b.site_id, b.scheme, b.certified_on)
    ) holders order by line limit 1
  ) h
  where h.id <> b.id`;

interface Finding {
  line: number | null;
  id: string | null;
  field: 'previousId' | 'certifiedOn' | null;
  code: InputErrorCode | null;
  reason: string | null;
  start: string | null;
}

/**
 * The checks of certificate rows that need the database, for a mutation's one row or a batch at once (rows of the
 * same batch count as stored), in one statement: the renewal rules the importer applies too (renewals.ts), and no
 * two certificates sharing site, scheme and day. Completes each recertification's `chainStartedOn` from its chain.
 * Run it inside the writing transaction.
 */
export async function checkCertificationReferences(db: Db, batch: CheckedRow[]): Promise<{ rows: CertificationInsert[]; errors: InputError[] }> {
  if (batch.length === 0) return { rows: [], errors: [] };
  const findings = rowsOf<Finding>(await db.execute(sql`
    with ${BATCH} as (${batchOf(batch.map((item) => item.row))})
    select line, null as id, 'previousId' as field, code, reason, null as start from (${renewalProblems(BATCH)}) renewal
    union all
    select line, null, 'certifiedOn', 'DUPLICATE', reason, null from (${naturalKeyTaken}) taken
    union all
    select null, id, null, null, null, chain_started_on::text from (${chainStarts(BATCH)}) chain
    order by 1, 3 desc`));
  const errors = findings.flatMap(({ line, field, code, reason }) => (field ? [inputError([...batch[line!]!.path, field], code!, reason!)] : []));
  if (errors.length > 0) return { rows: [], errors };
  const starts = new Map(findings.map((finding) => [finding.id, finding.start]));
  return { rows: batch.map(({ row }) => ({ ...row, chainStartedOn: starts.get(row.id) ?? row.certifiedOn })), errors: [] };
}
