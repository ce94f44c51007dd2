import { anyOf, type Db } from '@vo/kit';
import { and, eq, lte, notExists, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { certifications } from '../schema.js';
import { SCOPE_COLUMNS, type Scope } from './certifications.js';
import { statusCondition } from './filters.js';

/** Summaries exist for places, not for single sites. */
export type PlaceScope = Exclude<Scope, 'site'>;

export interface TotalsRow {
  key: string;
  validCertificates: number;
  certifiedSites: number;
  certifiedBusinessParks: number;
  expiringSoon: number;
}

export interface YearRow {
  key: string;
  year: number;
  certifications: number;
  firstCertifications: number;
  recertifications: number;
  /** Certificates of this certification year that ran out without renewal (known on `asOf`). */
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

  /** The certificates valid on `asOf` per place, for many places in one statement. */
  async function totals(scope: PlaceScope, keys: readonly string[], asOf: string, expiresBy: string): Promise<TotalsRow[]> {
    const place = scoped(scope);
    return db
      .select({
        key: place.key,
        validCertificates: int(sql`count(*)`),
        certifiedSites: int(sql`count(distinct ${c.siteId})`),
        certifiedBusinessParks: int(sql`count(distinct ${c.siteId}) filter (where ${c.scheme} = 'KVO_B' and ${c.siteKind} = 'BUSINESS_PARK')`),
        expiringSoon: int(sql`count(*) filter (where ${c.validUntil} <= ${expiresBy})`),
      })
      .from(c)
      .where(and(place.where(keys), statusCondition('VALID', asOf)))
      .groupBy(...place.groupBy);
  }

  /**
   * Counts per place and certification year, for many places in one statement. A certificate ends
   * in its certification year + 3, so the lapses of year Y are read from the row of year Y - 3.
   */
  async function perYear(scope: PlaceScope, keys: readonly string[], years: { from: number; to: number }, scheme: string | null, asOf: string) {
    const place = scoped(scope);
    const year = sql<number>`extract(year from ${c.certifiedOn})::int`;
    const renewed = db
      .select({ one: sql`1` })
      .from(renewal)
      .where(and(eq(renewal.previousId, c.id), lte(renewal.certifiedOn, asOf)));
    const rows = await db
      .select({
        key: place.key,
        year: year.as('year'),
        certifications: int(sql`count(*)`),
        firstCertifications: int(sql`count(*) filter (where ${c.kind} = 'FIRST')`),
        recertifications: int(sql`count(*) filter (where ${c.kind} = 'RECERTIFICATION')`),
        lapsed: int(sql`count(*) filter (where ${c.validUntil} < ${asOf} and ${notExists(renewed)})`),
      })
      .from(c)
      .where(
        and(
          place.where(keys),
          scheme ? eq(c.scheme, scheme) : undefined,
          sql`${c.certifiedOn} between ${`${years.from - 3}-01-01`} and ${`${years.to}-12-31`}`,
        ),
      )
      .groupBy(...place.groupBy, year);
    return rows as YearRow[];
  }

  return { totals, perYear };
}
