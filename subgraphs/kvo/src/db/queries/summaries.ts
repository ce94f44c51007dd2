import type { Db } from '@vo/kit';
import { sql, type SQL } from 'drizzle-orm';
import { certifications, issueCounts, lapses, stockChanges } from '../schema.js';
import type { Scope } from './certifications.js';
import { lastValidDay } from './filters.js';

/** Summaries exist for places, not for single sites. */
export type PlaceScope = Exclude<Scope, 'site'>;

/** A day a summary refers to, and the last day that counts as expiring soon from it. */
export interface SummaryDay {
  asOf: string;
  expiresBy: string;
}

export interface TotalsRow extends SummaryDay {
  key: string;
  validCertificates: number;
  certifiedSites: number;
  certifiedBusinessParks: number;
  expiringSoon: number;
}

export interface PeriodRow {
  key: string;
  year: number;
  /** 1 to 4 when counted per quarter; null when counted per year. */
  quarter: number | null;
  certifications: number;
  firstCertifications: number;
  recertifications: number;
  /** Certificates whose last valid day fell in this period and that were not renewed (known on `asOf`). */
  lapsed: number;
}

const int = (expression: SQL) => sql<number>`(${expression})::int`.mapWith(Number);
const text = (expression: SQL) => sql<string>`${expression}`;

/** The column naming a certificate's place in a scope, in a table with municipality and region codes; the country is 'NL'. */
const placeColumn = (scope: PlaceScope) => ({ municipality: sql`municipality_code`, region: sql`region_code`, country: sql`'NL'` })[scope];
const inPlaces = (scope: PlaceScope, keys: readonly string[]) => (scope === 'country' ? sql`true` : sql`${placeColumn(scope)} = any(${sql.param(keys)})`);

/**
 * The stock_change rows summed for place `p.key` on each day: the changes before `next`, the day after it. Those are
 * the years before next's year, read once per place for all days; and the months of its year before its month and
 * the days of its month before it, which at a period's end are none (schema.ts). Some 25 rows a day, however long
 * the history.
 */
const changesBefore = (places: SQL, day: SQL, next: SQL) => sql`
  select p.key, day.as_of, day.expires_by, y.certificates, y.sites, y.business_parks
    from ${places} join ${stockChanges} y on y.place = p.key and y.grain = 'Y' join ${day} on y.bucket < date_trunc('year', ${next})::date
  union all
  select p.key, day.as_of, day.expires_by, s.* from ${places} cross join ${day} cross join lateral (
    select certificates, sites, business_parks from ${stockChanges}
      where place = p.key and grain = 'M' and bucket >= date_trunc('year', ${next})::date and bucket < date_trunc('month', ${next})::date
    union all select certificates, sites, business_parks from ${stockChanges}
      where place = p.key and grain = 'D' and bucket >= date_trunc('month', ${next})::date and bucket < ${next}) s`;

export function createSummaryQueries(db: Db) {
  /**
   * The certificates valid on each of `days` per place, for many places and days in one statement: certificates,
   * sites and business parks are sums of the kept stock changes up to the day; expiring soon is a range of the last
   * valid days index. A summary on one day and a trend table's period ends are the same statement.
   */
  async function totals(scope: PlaceScope, keys: readonly string[], days: readonly SummaryDay[]): Promise<TotalsRow[]> {
    // Sent as text arrays: postgres.js cannot write a parameter the server types as date[].
    const asOfs = sql`${sql.param(days.map((d) => d.asOf))}::text[]::date[]`;
    const expiresBys = sql`${sql.param(days.map((d) => d.expiresBy))}::text[]::date[]`;
    const day = sql`unnest(${asOfs}, ${expiresBys}) as day(as_of, expires_by)`;
    const places = sql`unnest(${sql.param(keys)}::text[]) as p(key)`;
    const stock = sql`(
      select key, as_of, expires_by, sum(certificates) as certificates, sum(sites) as sites, sum(business_parks) as business_parks
      from (${changesBefore(places, day, sql`(day.as_of + 1)`)}) changes
      group by key, as_of, expires_by) as stock`;
    const expiring = sql`(
      select ${placeColumn(scope)} as key, day.as_of, day.expires_by, count(*) as certificates
      from ${certifications} join ${day} on ${lastValidDay()} between day.as_of and day.expires_by and ${certifications.certifiedOn} <= day.as_of
      where ${inPlaces(scope, keys)}
      group by 1, 2, 3) as expiring`;
    return db
      .select({
        key: text(sql`stock.key`),
        asOf: text(sql`stock.as_of::text`),
        expiresBy: text(sql`stock.expires_by::text`),
        validCertificates: int(sql`stock.certificates`),
        certifiedSites: int(sql`stock.sites`),
        certifiedBusinessParks: int(sql`stock.business_parks`),
        expiringSoon: int(sql`coalesce(expiring.certificates, 0)`),
      })
      .from(sql`${stock} left join ${expiring} on (expiring.key, expiring.as_of, expiring.expires_by) = (stock.key, stock.as_of, stock.expires_by)`)
      .where(sql`stock.certificates > 0`);
  }

  /**
   * Counts per place and year (or quarter), for many places in one statement: issues from the kept per-quarter
   * counts; lapses from the certificates that lapse, each counted in the period of its last valid day (a withdrawal
   * ends it early) when that day lies before `asOf` and no renewal was issued by then.
   */
  async function perPeriod(
    scope: PlaceScope,
    keys: readonly string[],
    years: { from: number; to: number },
    quarters: boolean,
    scheme: string | null,
    asOf: string,
  ): Promise<PeriodRow[]> {
    const ofScheme = scheme ? sql`scheme = ${scheme}` : sql`true`;
    const issued = sql`
      select place as key, year::int as year, ${quarters ? sql`quarter::int` : sql`null::int`} as quarter,
        certifications, first_certifications, recertifications, 0 as lapsed
      from ${issueCounts}
      where place = any(${sql.param(keys)}::text[]) and year between ${years.from} and ${years.to} and ${ofScheme}`;
    const lapsed = sql`
      select ${placeColumn(scope)} as key, extract(year from ended_on)::int as year,
        ${quarters ? sql`extract(quarter from ended_on)::int` : sql`null::int`} as quarter, 0, 0, 0, 1
      from ${lapses}
      where ${inPlaces(scope, keys)} and ${ofScheme} and ended_on between ${`${years.from}-01-01`} and ${`${years.to}-12-31`}
        and ended_on < ${asOf} and (renewed_on is null or renewed_on > ${asOf})`;
    const rows = await db
      .select({
        key: text(sql`event.key`),
        year: int(sql`event.year`),
        quarter: sql<number | null>`event.quarter`.mapWith((value) => (value === null ? null : Number(value))),
        certifications: int(sql`sum(event.certifications)`),
        firstCertifications: int(sql`sum(event.first_certifications)`),
        recertifications: int(sql`sum(event.recertifications)`),
        lapsed: int(sql`sum(event.lapsed)`),
      })
      .from(sql`(${issued} union all ${lapsed}) as event`)
      .groupBy(sql`event.key`, sql`event.year`, sql`event.quarter`);
    return rows as PeriodRow[];
  }

  return { totals, perPeriod };
}
