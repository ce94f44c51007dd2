import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import { firstDayOf, lastDayOf } from '@vo/kit';
import { scans } from '../schema.js';

/** Conditions scans can be filtered on; every one is optional and they combine with "and". */
export interface ScanConditions {
  region?: string | null;
  municipality?: string | null;
  instrument?: string | null;
  sector?: string | null;
  sizeClass?: string | null;
  /** First and last day (inclusive), as YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
}

/** The one translation of filters to SQL, shared by the scan list and the summaries. */
export function scanConditions(filter: ScanConditions): SQL | undefined {
  return and(
    filter.region ? eq(scans.regionCode, filter.region) : undefined,
    filter.municipality ? eq(scans.municipalityCode, filter.municipality) : undefined,
    filter.instrument ? eq(scans.instrument, filter.instrument) : undefined,
    filter.sector ? eq(scans.sector, filter.sector) : undefined,
    filter.sizeClass ? eq(scans.sizeClass, filter.sizeClass) : undefined,
    filter.from ? gte(scans.scannedOn, filter.from) : undefined,
    filter.to ? lte(scans.scannedOn, filter.to) : undefined,
  );
}

/** Narrows a date range to the years `fromYear`..`toYear`, keeping whichever bound is tighter. */
export function withinYears<F extends ScanConditions>(filter: F, fromYear: number, toYear: number): F {
  const first = firstDayOf(fromYear);
  const last = lastDayOf(toYear);
  return {
    ...filter,
    from: filter.from && filter.from > first ? filter.from : first,
    to: filter.to && filter.to < last ? filter.to : last,
  };
}
