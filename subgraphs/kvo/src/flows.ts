import type { PeriodRow } from './db/queries/summaries.js';

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
 * trend table's `KvoPeriod` share, so their numbers agree. A period's expiries are the certificates whose last
 * valid day fell in it (a stated validUntil or a withdrawal can end one early), counted by the same statement.
 */
export function flowsPerPeriod(rows: readonly PeriodRow[]): (year: number, quarter: number | null) => KvoFlows {
  const byPeriod = new Map(rows.map((row) => [keyOf(row.year, row.quarter), row]));
  return (year, quarter) => {
    const row = byPeriod.get(keyOf(year, quarter));
    return {
      certifications: row?.certifications ?? 0,
      firstCertifications: row?.firstCertifications ?? 0,
      recertifications: row?.recertifications ?? 0,
      expired: row?.lapsed ?? 0,
    };
  };
}
