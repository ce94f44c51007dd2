import type { Sql } from 'postgres';
import { DOMAINS } from '../../../subgraphs/cyber/src/domain.js';
import * as c from '../../../subgraphs/cyber/src/seed/constants.js';
import { literal, normal, valueCase, weightedCase } from './draws.js';

/*
 * Synthetic cyber scans at scale, on the cyber seed's model (seed/constants.ts): companies spread over the real
 * municipalities by population, each with its sector, size class and own level; a few companies are scanned often
 * and most a few times, spread over 2018 to the seed date; the instrument follows the seed's rates and where each is
 * used; scores follow the seed's effects. Company refs (C-5ca1e...) never meet the seed's (C-000123).
 */

const DAY = 86_400_000;
const FIRST_DAY = `${c.FIRST_YEAR}-01-01`;
const SPAN_DAYS = (Date.parse(c.SEED_DATE) - Date.parse(FIRST_DAY)) / DAY + 1;
const YEAR = 'year';

/** The seed's rate of each instrument in the scan's year and place, as a weight (0 where it is not used). */
function weight(instrument: keyof typeof c.RATES, where: string) {
  const rate = c.RATES[instrument];
  return `(case when ${YEAR} >= ${rate.from} and ${where} then ${rate.perMillion} + ${rate.growth} * (${YEAR} - ${rate.from}) else 0 end)`;
}
const WEIGHTS = {
  DTC_BASISSCAN: weight('DTC_BASISSCAN', 'true'),
  KVO_CYBER: weight('KVO_CYBER', 'true'),
  MUNICIPAL_MEASUREMENT: weight('MUNICIPAL_MEASUREMENT', 'measuring'),
  PENTEST: weight('PENTEST', `region_code in (${c.PENTEST_REGIONS.map(literal).join(', ')})`),
};
const INSTRUMENT = `(case when pick < dtc then 'DTC_BASISSCAN' when pick < dtc + kvo then 'KVO_CYBER'
  when pick < dtc + kvo + measurement then 'MUNICIPAL_MEASUREMENT' else 'PENTEST' end)`;
const OWNER = valueCaseText('instrument', c.OWNERS);
const SUBMITTER = `(case instrument when 'PENTEST' then (case region_code ${Object.entries(c.SUBMITTERS.PENTEST)
  .filter(([key, value]) => key !== 'default' && value)
  .map(([key, value]) => `when ${literal(key)} then ${literal(value!)}`)
  .join(' ')} end) else ${valueCaseText('instrument', Object.fromEntries(Object.entries(c.SUBMITTERS).map(([k, v]) => [k, v.default ?? ''])))} end)`;

function valueCaseText(column: string, values: Record<string, string>) {
  return `(case ${column} ${Object.entries(values).map(([key, value]) => `when ${literal(key)} then ${value ? literal(value) : 'null'}`).join(' ')} end)`;
}

/** The expected score before the domain's effect and noise: the seed's model (companies.ts scoreScan). */
const EXPECTED = `${c.BASE_SCORE} + ${c.YEARLY_IMPROVEMENT} * (${YEAR} - ${c.FIRST_YEAR}) + ${valueCase('size_class', c.SIZE_EFFECT)}
  + ${valueCase('sector', c.SECTOR_EFFECT)} + ${valueCase('instrument', c.INSTRUMENT_EFFECT)} + ${c.REPEAT_GAIN} * least(rank - 1, 5) + level`;
const SCORES = DOMAINS.map(({ column }, i) => {
  const effect = c.DOMAIN_EFFECT[column];
  // Two md5s give the twelve 16-bit draws of the six domains' noise.
  const noise = i < 4 ? normal('s', 2 * i) : normal('s2', 2 * (i - 4));
  return `round(greatest(0, least(100, ${EXPECTED} + ${effect} + ${c.DOMAIN_NOISE} * ${noise})))::smallint`;
});
const SCORE_COLUMNS = 'governance, awareness, access_control, software_updates, backups, incident_response';

/** Inserts `count` scans of about `count / 4` companies; returns how many. */
export async function generateScans(sql: Sql, seed: number, count: number): Promise<number> {
  if (count <= 0) return 0;
  const companies = Math.max(1, Math.round(count / 4));
  const [{ buckets }] = await sql`select bench.buckets() as buckets`;
  const measuring = (await sql`select distinct municipality_code as code from cyber.scan where instrument = 'MUNICIPAL_MEASUREMENT'`).map((r) => r.code);
  const result = await sql.unsafe(SCANS, [String(seed), count, companies, buckets, measuring, FIRST_DAY]);
  return result.count;
}

/** The statement: $1 seed, $2 scans, $3 companies, $4 municipality buckets, $5 measuring municipalities, $6 first day. */
export const SCANS = `
    with company as (
      select n as company, h, floor(bench.u32(h, 0) * $4::int)::int as bucket
      from generate_series(0, $3::int - 1) as n, md5($1 || ':company:' || n) as h
    ), firm as materialized (
      select company, 'C-5ca1e' || lpad(to_hex(company), 7, '0') as company_ref, m.code as municipality_code, m.region_code,
        m.code = any($5::text[]) as measuring,
        ${weightedCase('bench.u32(h, 1)', c.SECTOR_WEIGHTS)} as sector,
        ${weightedCase('bench.u32(h, 2)', c.SIZE_WEIGHTS.default)} as size_class,
        ${c.COMPANY_SPREAD} * ${normal('h', 6)} as level
      from company join bench.municipality_bucket m using (bucket)
    ), draw as (
      -- Skewed towards low company numbers: a few companies are scanned often, most a few times.
      select n, md5($1 || ':scan:' || n) as s, md5($1 || ':scan-more:' || n) as s2, floor($3::int * power(bench.u32(md5($1 || ':pick:' || n), 0), 1.5))::int as company
      from generate_series(1, $2::int) as n
    ), ranked as materialized (
      select draw.*, row_number() over (partition by company order by n) as rank, count(*) over (partition by company) as scans
      from draw
    ), dated as materialized (
      -- The company's scans in order, each on a day of its own slice of the years (whole days, so no two share one).
      select ranked.*, firm.company_ref, firm.municipality_code, firm.region_code, firm.measuring, firm.sector, firm.size_class, firm.level,
        $6::date + (floor((rank - 1) * ${SPAN_DAYS} / scans) + floor(bench.u32(s2, 2) * (floor(rank * ${SPAN_DAYS} / scans) - floor((rank - 1) * ${SPAN_DAYS} / scans))))::int as scanned_on
      from ranked join firm using (company)
    ), yearly as (
      select dated.*, extract(year from scanned_on)::int as year from dated
    ), weighed as (
      select yearly.*, ${WEIGHTS.DTC_BASISSCAN} as dtc, ${WEIGHTS.KVO_CYBER} as kvo, ${WEIGHTS.MUNICIPAL_MEASUREMENT} as measurement,
        ${WEIGHTS.PENTEST} as pentest
      from yearly
    ), chosen as materialized (
      select weighed.*, ${INSTRUMENT.replace(/pick/g, '(bench.u32(s2, 3) * (dtc + kvo + measurement + pentest))')} as instrument from weighed
    )
    insert into cyber.scan (id, instrument, scanned_on, municipality_code, region_code, sector, size_class, company_ref, submitted_by,
      owner_organisation, ${SCORE_COLUMNS}, synthetic)
    select 'CS-' || ${OWNER} || '-' || instrument || '-' || company_ref || '-' || scanned_on, instrument, scanned_on, municipality_code,
      region_code, sector, size_class, company_ref, ${SUBMITTER}, ${OWNER}, ${SCORES.join(', ')}, true
    from chosen
  `;
