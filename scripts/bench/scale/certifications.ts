import type { Sql } from 'postgres';
import { THEMES } from '../../../subgraphs/kvo/src/domain.js';
import { SEED_DATE } from '../../../subgraphs/kvo/src/seed/constants.js';
import { literal } from './draws.js';

/*
 * Synthetic KVO certificates at scale: renewal chains on the seeded sites (regions.site, the kit's SITES that
 * kvo's rules accept), on every (site, scheme) pair the seed left free, so no natural key or id collides with a
 * seeded certificate. Each certificate runs 12 to 19 whole months (the rules allow less than the standard three
 * years) and is renewed the day after it ends; 15% of chains stop early, a third of those by a withdrawal.
 */

const SCHEME_OF_KIND = `case s.kind when 'BUSINESS_PARK' then 'KVO_B' when 'SHOPPING_AREA' then 'KVO_W' else 'VEILIG_BUITENGEBIED' end`;
const ID_PREFIX = `case scheme when 'KVO_B' then 'KVO-B' when 'KVO_W' then 'KVO-W' when 'VEILIG_BUITENGEBIED' then 'KVB' else 'KVO-C' end`;
const BASE_THEMES = `case scheme when 'KVO_B' then array['BURGLARY', 'FIRE_SAFETY'] || case when bench.u16(hk, 1) < 0.3 then array['MOBILE_BANDITRY'] else array[]::text[] end
  when 'KVO_W' then array['SHOPLIFTING', 'ROBBERY'] || case when bench.u16(hk, 1) < 0.3 then array['AGGRESSION'] else array[]::text[] end
  when 'VEILIG_BUITENGEBIED' then array['RURAL_CRIME'] else array['CYBER'] end`;
/** Cyber and ondermijning from 2016, taken up by a growing share (as the seed's NEW_THEME_UPTAKE). */
const NEW_THEMES = `case when extract(year from certified_on) >= 2016 then
  case when bench.u16(hk, 2) < least(0.85, 0.3 + 0.05 * (extract(year from certified_on) - 2016)) then array['CYBER'] else array[]::text[] end
  || case when bench.u16(hk, 3) < least(0.85, 0.3 + 0.05 * (extract(year from certified_on) - 2016)) then array['UNDERMINING'] else array[]::text[] end
  else array[]::text[] end`;
const THEME_ORDER = `array[${THEMES.map(literal).join(', ')}]`;

/** Inserts `count` certificates (or fewer, if the free pairs hold fewer); returns how many. */
export async function generateCertifications(sql: Sql, seed: number, count: number): Promise<number> {
  if (count <= 0) return 0;
  const result = await sql.unsafe(`
    with pair as (
      select s.id as site_id, s.kind as site_kind, s.municipality_code, s.region_code, p.scheme,
        md5($1 || ':chain:' || s.id || ':' || p.scheme) as h, md5($1 || ':chain-end:' || s.id || ':' || p.scheme) as e
      from regions.site s
      cross join lateral (values (${SCHEME_OF_KIND}), (case when s.kind = 'BUSINESS_PARK' then 'KVO_CYBER' end)) as p(scheme)
      where p.scheme is not null and not exists (select 1 from kvo.certification c where c.site_id = s.id and c.scheme = p.scheme)
    ), chain as (
      select pair.*,
        -- Day 1-28 of the month, so adding whole months never clips at a month's end.
        make_date(case when scheme = 'KVO_CYBER' then 2016 else 2000 end + floor(bench.u32(h, 0) * 4)::int,
          1 + floor(bench.u32(h, 1) * 12)::int, 1 + floor(bench.u32(h, 2) * 28)::int) as base,
        case when bench.u16(e, 0) < 0.15 then 2 + floor(bench.u16(e, 1) * 8)::int else 1000 end as length,
        bench.u16(e, 2) < 0.33 as withdrawn_at_end,
        row_number() over (order by h, site_id, scheme) as chain_no
      from pair
    ), step as (
      select chain.*, k, md5($1 || ':certificate:' || site_id || ':' || scheme || ':' || k) as hk
      from chain cross join generate_series(0, 30) as k
    ), months as (
      select step.*, 12 + floor(bench.u16(hk, 0) * 8)::int as months from step
    ), dated as (
      select months.*,
        (base + make_interval(months => (sum(months) over w - months)::int))::date as certified_on,
        (base + make_interval(months => (sum(months) over w)::int))::date - 1 as valid_until
      from months window w as (partition by chain_no order by k)
    ), kept as (
      select dated.*, row_number() over (order by chain_no, k) as position
      from dated where certified_on <= $2::date and k < length
    ), certificate as (
      select kept.*, ${ID_PREFIX} || '-' || site_id || '-' || extract(year from certified_on) as id,
        k = length - 1 and withdrawn_at_end as withdrawn
      from kept where position <= $3
    )
    insert into kvo.certification (id, scheme, site_id, site_kind, municipality_code, region_code, certified_on, valid_until,
      kind, previous_id, chain_started_on, themes, synthetic, withdrawn_on, withdrawal_reason)
    select id, scheme, site_id, site_kind, municipality_code, region_code, certified_on, valid_until,
      case when k = 0 then 'FIRST' else 'RECERTIFICATION' end,
      lag(id) over (partition by chain_no order by k),
      base, array(select t from unnest(${THEME_ORDER}) with ordinality as o(t, i) where t = any(${BASE_THEMES} || ${NEW_THEMES}) order by i),
      true,
      case when withdrawn then certified_on + floor(bench.u16(hk, 4) * (valid_until - certified_on))::int end,
      case when withdrawn then 'Synthetic: withdrawn after a failed audit (scale dataset for the benchmark).' end
    from certificate
  `, [String(seed), SEED_DATE, count]);
  return result.count;
}
