import { sql, type SQL } from 'drizzle-orm';
import { certifications } from '../db/schema.js';

/*
 * The renewal rules of certificates, written once in SQL for the mutations and the importer alike. `batch` is a
 * relation of the certificates being written (line, id, site_id, scheme, certified_on, previous_id): a mutation's
 * rows unpacked from one JSON parameter, or the importer's staging table, which a million rows never leave. A
 * batch row counts in place of the stored certificate with its id. Each is one statement, however large the batch.
 */

/** Every certificate as the batch would leave it: the batch's rows, and the stored ones it does not replace. */
const after = (batch: SQL) => sql`(
  select id, site_id, scheme, certified_on, previous_id from ${batch} b
  union all
  select id, site_id, scheme, certified_on, previous_id from ${certifications} t where not exists (select 1 from ${batch} x where x.id = t.id))`;

/**
 * The batch's renewals that break a rule, reported at previousId, one problem per row: `line`, `value` (the
 * previous id), `code` and `reason`. A renewal names an existing certificate other than itself, of the same site
 * and scheme, issued earlier, and renewed by no other certificate.
 */
export function renewalProblems(batch: SQL): SQL {
  return sql`
    select line, value, code, reason from (
      select b.line, b.previous_id as value,
        case when p.id is null then 'UNKNOWN_REFERENCE' when p.id = b.id then 'INVALID' else 'CONFLICT' end as code,
        case when p.id is null then 'Certificate "' || b.previous_id || '" does not exist; a recertification names the certificate it renews.'
             when p.id = b.id then 'A certificate cannot renew itself.'
             when p.site_id <> b.site_id or p.scheme <> b.scheme
               then p.id || ' is a ' || p.scheme || ' certificate of site ' || p.site_id || '; a renewal keeps its site and scheme.'
             when p.certified_on >= b.certified_on then p.id || ' was issued on ' || p.certified_on || '; its renewal must come later.'
             when r.previous_id is not null then p.id || ' is renewed already, by ' || case when r.first <> b.id then r.first else r.last end || '.'
        end as reason
      from ${batch} b
      left join ${after(batch)} p on p.id = b.previous_id
      left join (
        select previous_id, min(id) as first, max(id) as last from ${after(batch)} a
        where previous_id is not null group by previous_id having count(*) > 1
      ) r on r.previous_id = b.previous_id
      where b.previous_id is not null
    ) found
    where reason is not null`;
}

/**
 * Where each renewal's chain began (`id`, `chain_started_on`): followed back through the batch to a stored
 * predecessor, which knows its chain's start, or to the first certificate of the chain. A step back goes only to
 * an earlier certificate, so a broken chain in the batch still ends; a walk ends where the batch has no predecessor.
 */
export function chainStarts(batch: SQL): SQL {
  return sql`
    with recursive walk (id, back, reached, ended) as (
      select id, previous_id, certified_on, false from ${batch} b where previous_id is not null
      union all
      select w.id, case when p.id is null then w.back else p.previous_id end, coalesce(p.certified_on, w.reached),
        p.id is null or p.previous_id is null
      from walk w left join ${batch} p on p.id = w.back and p.certified_on < w.reached
      where not w.ended
    )
    select w.id, coalesce(t.chain_started_on, w.reached) as chain_started_on
    from walk w
    left join ${certifications} t on t.id = w.back and not exists (select 1 from ${batch} x where x.id = w.back)
    where w.ended`;
}
