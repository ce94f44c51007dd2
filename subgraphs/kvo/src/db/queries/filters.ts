import { and, eq, gt, gte, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { CertificationStatus } from '../../domain.js';
import { firstDayOf, lastDayOf } from '@vo/kit';
import { certifications } from '../schema.js';

/** Conditions certificates can be filtered on; every one is optional and they combine with "and". */
export interface CertificationConditions {
  region?: string | null;
  municipality?: string | null;
  site?: string | null;
  scheme?: string | null;
  kind?: string | null;
  /** The status on `asOf`; the resolvers fill in today when the caller gives no day. */
  status?: CertificationStatus | null;
  asOf?: string | null;
  /** First and last day of certification (inclusive), as YYYY-MM-DD. */
  certifiedFrom?: string | null;
  certifiedTo?: string | null;
  year?: number | null;
  /** Only certificates whose last valid day (withdrawal included) is on or before this day. */
  expiresBy?: string | null;
}

/** A certificate's last valid day: its validUntil, or the day before it was withdrawn (`table`: or an alias of it). */
export const lastValidDay = (table: typeof certifications = certifications) =>
  sql<string>`least(${table.validUntil}, ${table.withdrawnOn} - 1)`;

/**
 * Valid from `certified_on` through `valid_until`, both days included, unless withdrawn on or before the day (as
 * `statusOn` in domain.ts). `asOf` is a day, or an SQL expression giving one (a column of many days, for many days
 * in one statement).
 */
export function statusCondition(status: CertificationStatus, asOf: string | SQL): SQL | undefined {
  const c = certifications;
  const notWithdrawn = or(isNull(c.withdrawnOn), gt(c.withdrawnOn, asOf));
  if (status === 'NOT_YET_VALID') return gt(c.certifiedOn, asOf);
  if (status === 'WITHDRAWN') return lte(c.withdrawnOn, asOf);
  if (status === 'EXPIRED') return and(lt(c.validUntil, asOf), notWithdrawn);
  return and(lte(c.certifiedOn, asOf), gte(c.validUntil, asOf), notWithdrawn);
}

/** The one translation of filters to SQL, shared by the lists, the child lists and the summaries. */
export function certificationConditions(filter: CertificationConditions): SQL | undefined {
  const c = certifications;
  return and(
    filter.region ? eq(c.regionCode, filter.region) : undefined,
    filter.municipality ? eq(c.municipalityCode, filter.municipality) : undefined,
    filter.site ? eq(c.siteId, filter.site) : undefined,
    filter.scheme ? eq(c.scheme, filter.scheme) : undefined,
    filter.kind ? eq(c.kind, filter.kind) : undefined,
    filter.status && filter.asOf ? statusCondition(filter.status, filter.asOf) : undefined,
    filter.certifiedFrom ? gte(c.certifiedOn, filter.certifiedFrom) : undefined,
    filter.certifiedTo ? lte(c.certifiedOn, filter.certifiedTo) : undefined,
    filter.year != null ? sql`${c.certifiedOn} between ${firstDayOf(filter.year)} and ${lastDayOf(filter.year)}` : undefined,
    filter.expiresBy ? lte(lastValidDay(), filter.expiresBy) : undefined,
  );
}
