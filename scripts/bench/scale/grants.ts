import { ORGANISATIONS } from '@vo/kit';
import type { Sql } from 'postgres';
import { funderCategory } from '../../../subgraphs/funding/src/parties.js';
import { THEMES } from '../../../subgraphs/funding/src/writes/rules.js';
import { literal } from './draws.js';

/*
 * Synthetic grants at scale, budget years 2017-2026 as the seed's, among the real parties: municipalities paying
 * their region's PVO (per inhabitant or per project), PVOs passing one-off money to their municipalities, JenV,
 * CCV, EZK, the OM and the region's police unit funding a PVO, and the ministries funding national bodies. Each has
 * its own purpose (scale-<n>), so no id collides with a seeded grant.
 */

const NATIONAL_FUNDERS = ['jenv', 'ccv', 'ezk', 'om'];
const MINISTRIES = ['jenv', 'ezk'];
const NATIONAL_BODIES = ORGANISATIONS.filter((o) => o.type === 'NATIONAL_BODY' && !o.regionCode).map((o) => o.id);
const CATEGORY = `case funder_type when 'REGION' then 'PVO' when 'MUNICIPALITY' then 'MUNICIPAL' else case funder_id ${ORGANISATIONS.map(
  (o) => `when ${literal(o.id)} then ${literal(funderCategory({ type: 'ORGANISATION', id: o.id }))}`,
).join(' ')} end end`;
const array = (values: readonly string[]) => `array[${values.map(literal).join(', ')}]`;
const pick = (values: readonly string[], u: string) => `(${array(values)})[1 + floor(${u} * ${values.length})::int]`;
const THEME_ORDER = array(THEMES);

/** Inserts `count` grants; returns how many. */
export async function generateGrants(sql: Sql, seed: number, count: number): Promise<number> {
  if (count <= 0) return 0;
  const [{ buckets }] = await sql`select bench.buckets() as buckets`;
  const result = await sql.unsafe(`
    with draw as (
      select n, h, md5($1 || ':grant-terms:' || n) as t, md5($1 || ':grant-themes:' || n) as v,
        floor(bench.u32(h, 0) * $3::int)::int as bucket
      from generate_series(1, $2::int) as n, md5($1 || ':grant:' || n) as h
    ), place as (
      select draw.*, m.code as municipality, m.region_code as region, m.population,
        bench.u32(h, 1) as shape, 2017 + floor(bench.u32(h, 2) * 10)::int as year
      from draw join bench.municipality_bucket m using (bucket)
    ), party as (
      select place.*,
        case when shape < 0.5 then 'MUNICIPALITY' when shape < 0.7 then 'REGION' else 'ORGANISATION' end as funder_type,
        case when shape < 0.5 then municipality when shape < 0.7 then region
          when shape < 0.9 then case when bench.u16(t, 0) < 0.3 then 'police-' || lower(region) else ${pick(NATIONAL_FUNDERS, 'bench.u16(t, 1)')} end
          else ${pick(MINISTRIES, 'bench.u16(t, 1)')} end as funder_id,
        case when shape < 0.5 or (shape >= 0.7 and shape < 0.9) then 'REGION' when shape < 0.7 then 'MUNICIPALITY' else 'ORGANISATION' end as recipient_type,
        case when shape < 0.5 or (shape >= 0.7 and shape < 0.9) then region when shape < 0.7 then municipality
          else ${pick(NATIONAL_BODIES, 'bench.u16(t, 2)')} end as recipient_id,
        case when shape < 0.5 then case when bench.u16(t, 3) < 0.5 then 'PER_INHABITANT' else 'PROJECT_SUBSIDY' end
          when shape < 0.7 then 'ONE_OFF' when bench.u16(t, 3) < 0.3 then 'STRUCTURAL' else 'PROJECT_SUBSIDY' end as kind
      from place
    ), terms as (
      select party.*,
        case when kind in ('PER_INHABITANT', 'STRUCTURAL') then make_date(year, 1, 1) else make_date(year, 1 + floor(bench.u16(t, 4) * 12)::int, 1) end as period_start,
        case when kind = 'PER_INHABITANT' then population * (5 + floor(bench.u16(t, 5) * 46))::bigint
          else round(exp(ln(case when kind = 'ONE_OFF' then 500 when recipient_type = 'ORGANISATION' then 50000 when funder_type = 'ORGANISATION' then 10000 else 2000 end)
            + bench.u16(t, 5) * ln(case when kind = 'ONE_OFF' then 40 else 100 end)))::bigint * 100 end as amount_cents,
        case when kind <> 'PER_INHABITANT' and bench.u16(v, 0) < 0.5
          then array[(${THEME_ORDER})[1 + floor(bench.u16(v, 1) * ${THEMES.length})::int]] ||
            case when bench.u16(v, 2) < 0.4 then array[(${THEME_ORDER})[1 + floor(bench.u16(v, 3) * ${THEMES.length})::int]] else array[]::text[] end
          else array[]::text[] end as chosen
      from party
    )
    insert into funding.grant (id, funder_type, funder_id, funder_category, recipient_type, recipient_id, recipient_region_code, via_id,
      amount_cents, period_start, period_end, year, kind, themes, earmarked, description, synthetic, source)
    select lower(year || '-' || funder_id || '-' || recipient_id || '-scale-' || n), funder_type, funder_id, ${CATEGORY},
      recipient_type, recipient_id, case when recipient_type = 'ORGANISATION' then null else region end, null,
      amount_cents, period_start,
      case when kind in ('PER_INHABITANT', 'STRUCTURAL') then make_date(year, 12, 31)
        else (period_start + make_interval(months => 1 + floor(bench.u16(v, 4) * 18)::int))::date - 1 end,
      year, kind,
      array(select theme from unnest(${THEME_ORDER}) with ordinality as o(theme, i) where theme = any(chosen) order by i),
      cardinality(chosen) > 0,
      'Synthetic grant of the benchmark''s scale dataset (scripts/bench/scale): party, amount and period drawn from the seed.',
      true, 'synthetic: benchmark scale dataset'
    from terms
  `, [String(seed), count, buckets]);
  return result.count;
}
