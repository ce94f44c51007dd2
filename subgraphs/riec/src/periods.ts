import { BadInputError, checkYear } from '@vo/kit';

/** A half-year, the period of one undermining picture. */
export interface HalfYear {
  year: number;
  half: 1 | 2;
}

const PERIOD = /^(\d{4})-H([12])$/;

export const periodLabel = ({ year, half }: HalfYear) => `${year}-H${half}`;
export const periodStart = ({ year, half }: HalfYear) => `${year}-${half === 1 ? '01-01' : '07-01'}`;
export const periodEnd = ({ year, half }: HalfYear) => `${year}-${half === 1 ? '06-30' : '12-31'}`;
export const previousHalfYear = ({ year, half }: HalfYear): HalfYear => (half === 2 ? { year, half: 1 } : { year: year - 1, half: 2 });

/** Every half-year from the first half of `firstYear` up to and including `last`. */
export function halfYears(firstYear: number, last: HalfYear): HalfYear[] {
  const periods: HalfYear[] = [];
  for (let year = firstYear; year <= last.year; year += 1) {
    for (const half of [1, 2] as const) if (year < last.year || half <= last.half) periods.push({ year, half });
  }
  return periods;
}

/** What a period looks like, for messages: the arguments and the write rules say it the same way. */
export const PERIOD_FORM = 'a half-year written YYYY-H1 or YYYY-H2, for example 2024-H1';

/** A half-year written YYYY-H1 or YYYY-H2, or null when `period` is not one. */
export function readHalfYear(period: string): HalfYear | null {
  const match = PERIOD.exec(period);
  return match ? { year: Number(match[1]), half: Number(match[2]) as 1 | 2 } : null;
}

/** Reads a `period` argument (2024-H1); BAD_USER_INPUT naming the form it takes. */
export function parsePeriod(period: string | null | undefined): HalfYear | null {
  if (period == null) return null;
  const halfYear = readHalfYear(period);
  if (!halfYear) throw new BadInputError(`period must be ${PERIOD_FORM}; got "${period}".`, 'period');
  checkYear(halfYear.year, 'period');
  return halfYear;
}

/** Checks `year` and `period` together: a period outside the year would only ever give an empty list. */
export function checkPeriodFilter(args: { year?: number | null; period?: string | null }): { year: number | null; period: HalfYear | null } {
  const year = checkYear(args.year);
  const period = parsePeriod(args.period);
  if (year != null && period && period.year !== year) {
    throw new BadInputError(`period ${args.period} is not in year ${year}; give one of them, or both for the same year.`, 'period');
  }
  return { year, period };
}
