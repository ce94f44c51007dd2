import { anyOf, type Db } from '@vo/kit';
import { and, eq, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { certifications } from '../schema.js';
import { SCOPE_COLUMNS, type Scope } from './certifications.js';
import { lastValidDay, statusCondition } from './filters.js';

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

const c = certifications;
const renewal = alias(certifications, 'renewal');
const int = (expression: SQL) => sql<number>`(${expression})::int`.mapWith(Number);

export function createSummaryQueries(db: Db) {
  const scoped = (scope: PlaceScope) => {
    const column = SCOPE_COLUMNS[scope];
    return {
      key: sql<string>`${column ?? sql`'NL'`}`.as('key'),
      where: (keys: readonly string[]) => (column ? anyOf(column, keys) : undefined),
      groupBy: column ? [column] : [],
    };
  };

  /**
   * The certificates valid on each of `days` per place, for many places and days in one statement: the days are
   * joined in as a table, so a summary on one day and a trend table's period ends are the same statement.
   */
  async function totals(scope: PlaceScope, keys: readonly string[], days: readonly SummaryDay[]): Promise<TotalsRow[]> {
    const place = scoped(scope);
    const day = { asOf: sql`day.as_of`, expiresBy: sql`day.expires_by` };
    const asOfs = sql.param(days.map((d) => d.asOf));
    const expiresBys = sql.param(days.map((d) => d.expiresBy));
    // Sent as text arrays: postgres.js cannot write a parameter the server types as date[].
    const table = sql`unnest(${asOfs}::text[]::date[], ${expiresBys}::text[]::date[]) as day(as_of, expires_by)`;
    return db
      .select({
        key: place.key,
        asOf: sql<string>`${day.asOf}::text`.as('as_of'),
        expiresBy: sql<string>`${day.expiresBy}::text`.as('expires_by'),
        validCertificates: int(sql`count(*)`),
        certifiedSites: int(sql`count(distinct ${c.siteId})`),
        certifiedBusinessParks: int(sql`count(distinct ${c.siteId}) filter (where ${c.scheme} = 'KVO_B' and ${c.siteKind} = 'BUSINESS_PARK')`),
        expiringSoon: int(sql`count(*) filter (where ${lastValidDay()} <= ${day.expiresBy})`),
      })
      .from(c)
      .innerJoin(table, statusCondition('VALID', day.asOf))
      .where(place.where(keys))
      .groupBy(...place.groupBy, day.asOf, day.expiresBy);
  }

  /**
   * Counts per place and year (or quarter), for many places in one statement. Each certificate is two events: its
   * issue, counted in the period of `certified_on`, and its end, counted as a lapse in the period of its last valid
   * day (a withdrawal ends it early) when that day lies before `asOf` and no renewal was issued by then.
   */
  async function perPeriod(
    scope: PlaceScope,
    keys: readonly string[],
    years: { from: number; to: number },
    quarters: boolean,
    scheme: string | null,
    asOf: string,
  ): Promise<PeriodRow[]> {
    const place = scoped(scope);
    const event = { kind: sql`event.kind`, day: sql`event.day` };
    const events = sql`lateral (values ('issued', ${c.certifiedOn}), ('ended', ${lastValidDay()})) as event(kind, day)`;
    const year = sql<number>`extract(year from ${event.day})::int`;
    const quarter = quarters ? sql<number | null>`extract(quarter from ${event.day})::int` : sql<number | null>`null::int`;
    const issued = sql`${event.kind} = 'issued'`;
    const renewed = db
      .select({ one: sql`1` })
      .from(renewal)
      .where(and(eq(renewal.previousId, c.id), lte(renewal.certifiedOn, asOf)));
    const rows = await db
      .select({
        key: place.key,
        year: year.as('year'),
        quarter: quarter.as('quarter'),
        certifications: int(sql`count(*) filter (where ${issued})`),
        firstCertifications: int(sql`count(*) filter (where ${issued} and ${c.kind} = 'FIRST')`),
        recertifications: int(sql`count(*) filter (where ${issued} and ${c.kind} = 'RECERTIFICATION')`),
        lapsed: int(sql`count(*) filter (where ${event.kind} = 'ended' and ${event.day} < ${asOf} and ${notExists(renewed)})`),
      })
      .from(c)
      .innerJoin(events, sql`true`)
      .where(and(place.where(keys), scheme ? eq(c.scheme, scheme) : undefined, sql`${event.day} between ${`${years.from}-01-01`} and ${`${years.to}-12-31`}`))
      .groupBy(...place.groupBy, year, ...(quarters ? [quarter] : []));
    return rows as PeriodRow[];
  }

  return { totals, perPeriod };
}
