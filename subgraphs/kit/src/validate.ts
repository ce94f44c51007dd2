import { BadInputError, NotFoundError } from './errors.js';
import { MUNICIPALITIES } from './reference/municipalities.js';
import { isRegionCode } from './reference/regions.js';

/** Years a caller may ask about: wide enough for any real question, narrow enough to refuse typos. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** A from/to range spans at most this many years. */
export const MAX_YEAR_SPAN = 50;

const MUNICIPALITY_CODES = new Set(MUNICIPALITIES.map((municipality) => municipality.code));

/** Region and municipality codes come from the kit's reference data, the same in every subgraph. */
export const isMunicipalityCode = (code: string) => MUNICIPALITY_CODES.has(code);

// One formatter for every call: building one costs ~0.1 ms and native memory freed only at a full GC (an import checks millions of dates).
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' });

// The day changes only on a whole minute (midnight, in any time zone), so it is worked out once a minute: the
// response cache's key asks for it on every request, and formatting a date in a time zone costs some 10 µs.
const MINUTE_MS = 60_000;
let known = { from: 0, value: '' };

/** Today in the Netherlands, YYYY-MM-DD: the default `asOf` of status figures, and the day writes may not pass. */
export function today(): string {
  const now = Date.now();
  if (now < known.from || now >= known.from + MINUTE_MS) known = { from: now - (now % MINUTE_MS), value: AMSTERDAM_DAY.format(now) };
  return known.value;
}

/** The first and last day of a (checked) year, as YYYY-MM-DD, for date-range conditions. */
export const firstDayOf = (year: number) => `${year}-01-01`;
export const lastDayOf = (year: number) => `${year}-12-31`;

/** Checks an optional year argument; BAD_USER_INPUT outside MIN_YEAR..MAX_YEAR. */
export function checkYear(year: number | null | undefined, argument = 'year'): number | null {
  if (year == null) return null;
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new BadInputError(`${argument} must be a year from ${MIN_YEAR} to ${MAX_YEAR}; got ${year}.`, argument);
  }
  return year;
}

/** Checks a from/to range of years: both valid, in order, and at most MAX_YEAR_SPAN years. */
export function checkYearRange(range: { from: number; to: number }): { from: number; to: number } {
  checkYear(range.from, 'from');
  checkYear(range.to, 'to');
  if (range.from > range.to) throw new BadInputError(`from (${range.from}) is after to (${range.to}).`, 'from');
  if (range.to - range.from >= MAX_YEAR_SPAN) {
    throw new BadInputError(`A range spans at most ${MAX_YEAR_SPAN} years; got ${range.to - range.from + 1}.`, 'to');
  }
  return { from: range.from, to: range.to };
}

/** Dates arrive checked by the Date scalar; here only their order. */
export function checkDateRange(range: { from?: string | null; to?: string | null }) {
  if (range.from && range.to && range.from > range.to) {
    throw new BadInputError(`from (${range.from}) is after to (${range.to}).`, 'from');
  }
}

/** Checks the codes a list was filtered on, so a typo gives NOT_FOUND naming it rather than an empty page. */
export function checkPlaces(filter: { region?: string | null; municipality?: string | null }) {
  if (filter.region != null && !isRegionCode(filter.region)) throw new NotFoundError('Region', filter.region);
  if (filter.municipality != null && !isMunicipalityCode(filter.municipality)) {
    throw new NotFoundError('Municipality', filter.municipality);
  }
}
