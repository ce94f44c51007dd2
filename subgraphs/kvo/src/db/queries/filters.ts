import { and, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
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
  /** Only certificates whose last valid day is on or before this day. */
  expiresBy?: string | null;
}

/**
 * Valid from `certified_on` through `valid_until`, both days included (as `statusOn` in domain.ts). `asOf` is a
 * day, or an SQL expression giving one (a column of many days, for many days in one statement).
 */
export function statusCondition(status: CertificationStatus, asOf: string | SQL): SQL | undefined {
  if (status === 'NOT_YET_VALID') return gt(certifications.certifiedOn, asOf);
  if (status === 'EXPIRED') return lt(certifications.validUntil, asOf);
  return and(lte(certifications.certifiedOn, asOf), gte(certifications.validUntil, asOf));
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
    filter.expiresBy ? lte(c.validUntil, filter.expiresBy) : undefined,
  );
}
