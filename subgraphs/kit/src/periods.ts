import { isRegionCode } from './reference/regions.js';
import { MAX_YEAR, MIN_YEAR, firstDayOf, lastDayOf } from './validate.js';

/**
 * The periods of a trend table (`Query.trends` in the regions subgraph, extended by every partner): a whole
 * calendar year ("2024") or one quarter ("2024-Q2"). Every subgraph reads a TrendRow's key through this module,
 * so they all agree on what a period id means and on its first and last day.
 */
export interface Period {
  /** "2024" or "2024-Q2": the TrendRow key's `period`. */
  id: string;
  year: number;
  /** 1 to 4; null for a whole year. */
  quarter: number | null;
  /** First and last day, as YYYY-MM-DD. */
  start: string;
  end: string;
}

/** The `place` of a national trend row: the whole country. */
export const NATIONAL_PLACE = 'NL';

const PERIOD_ID = /^(\d{4})(?:-Q([1-4]))?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a year, or of one quarter of it. */
export function periodOf(year: number, quarter: number | null = null): Period {
  if (quarter === null) return { id: String(year), year, quarter, start: firstDayOf(year), end: lastDayOf(year) };
  const lastMonth = quarter * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    id: `${year}-Q${quarter}`,
    year,
    quarter,
    start: `${year}-${pad(lastMonth - 2)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

/** Every year (or every quarter) from `from` to `to`, oldest first; the range is checked by the caller. */
export function periodsBetween(from: number, to: number, quarters: boolean): Period[] {
  const periods: Period[] = [];
  for (let year = from; year <= to; year += 1) {
    if (!quarters) periods.push(periodOf(year));
    else for (let quarter = 1; quarter <= 4; quarter += 1) periods.push(periodOf(year, quarter));
  }
  return periods;
}

/** Reads a period id; null when it is malformed or outside the years a caller may ask about. */
export function parsePeriod(id: string): Period | null {
  const match = PERIOD_ID.exec(id);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return periodOf(year, match[2] ? Number(match[2]) : null);
}

/** A TrendRow key, checked: a region code or NL, and a valid period (its id, as the key has it, and read). */
export interface TrendKey {
  place: string;
  period: string;
  span: Period;
}

/** Reads a TrendRow representation's key; null for an unknown place or period, so it resolves to null. */
export function trendKey(ref: { place: string; period: string }): TrendKey | null {
  if (ref.place !== NATIONAL_PLACE && !isRegionCode(ref.place)) return null;
  const span = parsePeriod(ref.period);
  return span && { place: ref.place, period: span.id, span };
}
