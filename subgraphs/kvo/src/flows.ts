import type { PeriodRow } from './db/queries/summaries.js';
import { VALIDITY_YEARS } from './domain.js';

/** What happened to a place's certificates in one year or quarter. */
export interface KvoFlows {
  certifications: number;
  firstCertifications: number;
  recertifications: number;
  /** Certificates whose last valid day fell in the period and that were not renewed (as known on the rows' `asOf`). */
  expired: number;
}

const keyOf = (year: number, quarter: number | null) => `${year}|${quarter ?? ''}`;

/**
 * Reads one place's flows per period out of its per-period rows: the one definition `KvoSummary.perYear` and the
 * trend table's `KvoPeriod` share, so their numbers agree. A certificate ends three years after it was issued, in
 * the same quarter (the database checks valid_until = certified_on + 3 years), so a period's expiries are the
 * unrenewed certificates issued three years earlier.
 */
export function flowsPerPeriod(rows: readonly PeriodRow[]): (year: number, quarter: number | null) => KvoFlows {
  const byPeriod = new Map(rows.map((row) => [keyOf(row.year, row.quarter), row]));
  return (year, quarter) => {
    const row = byPeriod.get(keyOf(year, quarter));
    return {
      certifications: row?.certifications ?? 0,
      firstCertifications: row?.firstCertifications ?? 0,
      recertifications: row?.recertifications ?? 0,
      expired: byPeriod.get(keyOf(year - VALIDITY_YEARS, quarter))?.lapsed ?? 0,
    };
  };
}
