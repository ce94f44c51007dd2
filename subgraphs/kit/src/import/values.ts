import type { ImportProblemCode } from './problems.js';

/** A cell read into a value, or why it could not be. An empty cell is `null` (the row check decides if that is allowed). */
export type Parsed<T> = { value: T | null } | { problem: string; code: ImportProblemCode };

/** Reads one cell's text (already trimmed). */
export type CellParser<T = unknown> = (text: string) => Parsed<T>;

const fail = (problem: string, code: ImportProblemCode = 'INVALID') => ({ problem, code });

/** Text as written; a required column says so in the row check. */
export const text: CellParser<string> = (cell) => ({ value: cell === '' ? null : cell });

const DUTCH_DATE = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date as partners write it: Dutch day-month-year (23-11-2026, 3-1-2026, 23/11/2026) or ISO (2026-11-23).
 * Becomes ISO text; impossible days (31-02-2026) and years outside `from`..`to` are refused.
 */
export function date(options: { from?: number; to?: number } = {}): CellParser<string> {
  const { from = 1900, to = 2100 } = options;
  return (cell) => {
    if (cell === '') return { value: null };
    const dutch = DUTCH_DATE.exec(cell);
    const iso = ISO_DATE.exec(cell);
    const [year, month, day] = dutch ? [dutch[3], dutch[2], dutch[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
    if (year === undefined) return fail(`"${cell}" is not a date: write dd-mm-jjjj (23-11-2026) or yyyy-mm-dd (2026-11-23).`);
    const calendar = new Date(Date.UTC(year, month! - 1, day));
    if (calendar.getUTCMonth() !== month! - 1 || calendar.getUTCDate() !== day) return fail(`"${cell}" is not a day of the calendar.`);
    if (year < from || year > to) return fail(`"${cell}" lies outside ${from} to ${to}.`, 'OUT_OF_RANGE');
    return { value: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  };
}

const THOUSANDS_DOTS = /^\d{1,3}(\.\d{3})+$/;
const THOUSANDS_COMMAS = /^\d{1,3}(,\d{3})+$/;
const MAX_DIGITS = 15;

/**
 * An amount in euros, to exact integer cents (never through a float): `€ 6.000,00`, `6000,00`, `6.000`,
 * `6000.00`, `6,5`. The rule for dots and commas:
 * - with a comma, the comma is the decimal separator and dots group thousands (`1.234,56`), except that commas
 *   followed only by groups of three digits group thousands (`6,000`: three decimals are never cents);
 * - without one, a dot followed by groups of exactly three digits groups thousands (`6.000` is six thousand euros,
 *   as a Dutch spreadsheet writes it), and a dot followed by one or two digits is a decimal point (`6000.5`);
 * - more than two decimals is refused, as is any other shape. Negative amounts are refused unless `negative`.
 */
export function euroCents(options: { negative?: boolean } = {}): CellParser<number> {
  return (cell) => {
    if (cell === '') return { value: null };
    const minus = /^[-−]/.test(cell.replace(/^(€|eur)\s*/i, ''));
    const bare = cell.replace(/€|eur\b|\s|\u00a0/gi, '').replace(/^[-−]/, '');
    const split = splitEuros(bare);
    if (!split) return fail(`"${cell}" is not an amount in euros: write 6.000,00, 6000,00 or 6000.00.`);
    const [euros, cents] = split;
    if (euros.length > MAX_DIGITS) return fail(`"${cell}" is too large an amount.`, 'OUT_OF_RANGE');
    const total = Number(euros) * 100 + Number(cents.padEnd(2, '0'));
    if (minus && total > 0 && !options.negative) return fail(`"${cell}" is negative; amounts are zero or more.`, 'OUT_OF_RANGE');
    return { value: minus ? -total : total };
  };
}

/** [euros, cents] as digit strings, or null when the text is no amount. */
function splitEuros(bare: string): [string, string] | null {
  let euros: string;
  let cents = '';
  if (bare.includes(',') && !THOUSANDS_COMMAS.test(bare)) {
    [euros, cents = ''] = splitOnce(bare, ',');
    if (euros.includes('.') && !THOUSANDS_DOTS.test(euros)) return null;
    euros = euros.replaceAll('.', '');
  } else if (THOUSANDS_DOTS.test(bare) || THOUSANDS_COMMAS.test(bare)) {
    euros = bare.replace(/[.,]/g, '');
  } else {
    [euros, cents = ''] = splitOnce(bare, '.');
  }
  if (!/^\d+$/.test(euros) || !/^\d{0,2}$/.test(cents)) return null;
  return [euros, cents];
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** Whole euro cents as digits (`600000`), for columns whose header says they hold cents. */
export const cents: CellParser<number> = (cell) => {
  if (cell === '') return { value: null };
  if (!/^\d{1,17}$/.test(cell)) {
    const negative = /^-\d+$/.test(cell);
    return fail(negative ? `"${cell}" is negative; amounts are zero or more.` : `"${cell}" is not a whole number of cents.`, negative ? 'OUT_OF_RANGE' : 'INVALID');
  }
  const value = Number(cell);
  return Number.isSafeInteger(value) ? { value } : fail(`"${cell}" is too large an amount.`, 'OUT_OF_RANGE');
};

/**
 * One of a fixed set of values, matched like headers (case, spaces, accents, dashes and underscores aside), with
 * aliases: `{ KVO_B: ['KVO-B', 'Keurmerk Veilig Ondernemen Bedrijventerreinen'] }`.
 */
export function oneOf<T extends string>(values: Record<T, string[]>): CellParser<T> {
  const lookup = new Map<string, T>();
  for (const [value, aliases] of Object.entries(values) as [T, string[]][]) {
    for (const alias of [value, ...aliases]) lookup.set(normaliseName(alias), value);
  }
  const allowed = Object.keys(values).join(', ');
  return (cell) => {
    if (cell === '') return { value: null };
    const value = lookup.get(normaliseName(cell));
    return value ? { value } : fail(`"${cell}" is not one of ${allowed}.`);
  };
}

/** A list in one cell, separated by `|` or `,` (a comma list needs quotes in a comma-separated file). */
export function listOf<T>(item: CellParser<T>): CellParser<T[]> {
  return (cell) => {
    if (cell === '') return { value: [] };
    const values: T[] = [];
    for (const part of cell.split(/[|,]/).map((s) => s.trim()).filter(Boolean)) {
      const parsed = item(part);
      if ('problem' in parsed) return parsed;
      if (parsed.value !== null) values.push(parsed.value);
    }
    return { value: values };
  };
}

/** How names compare: case, accents, spaces, dashes, dots and underscores do not count ("Geldig tot" = "geldig_tot"). */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[\s_\-.'’]/g, '');
}
