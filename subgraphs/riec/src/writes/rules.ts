import { isRegionCode, MAX_YEAR, MIN_YEAR, ORGANISATIONS, type InputError } from '@vo/kit';
import { InputChecks } from '@vo/kit';
import type { PictureInsert } from '../db/schema.js';
import { PERIOD_FORM, periodEnd, periodLabel, periodStart, readHalfYear } from '../periods.js';
import { CLASSIFICATIONS, PRODUCERS, THEMES } from '../seed/constants.js';
import { namesNoOne } from './names.js';

/**
 * The domain rules of a picture a RIEC publishes, and of a withdrawal, in one place: pure and synchronous, so the
 * mutation and a file import check every row the same way. Each rule reports an InputError at its field's path.
 */
export interface PictureInput {
  region?: string | null;
  period?: string | null;
  theme?: string | null;
  classification?: string | null;
  signalsBySource?: Partial<Record<SourceField, number | null>> | null;
  signalCount?: number | null;
  summary?: string | null;
}

/** The RIEC publishing (the token's org claim, checked by the riec_producer policy) and today (YYYY-MM-DD). */
export interface PictureRuleContext {
  producer: string;
  today: string;
}

/** The input's names for the four sources, in the order of SignalSource, with their columns. */
export const SOURCE_FIELDS = [
  { field: 'police', column: 'policeSignals' },
  { field: 'municipality', column: 'municipalitySignals' },
  { field: 'publicProsecution', column: 'prosecutionSignals' },
  { field: 'business', column: 'businessSignals' },
] as const;
type SourceField = (typeof SOURCE_FIELDS)[number]['field'];

/** The input's fields in schema order, so errors come back in the order a clerk reads the form. */
const FIELD_ORDER = ['region', 'period', 'theme', 'classification', 'signalsBySource', 'signalCount', 'summary'];
const CLASSIFICATION_VALUES = CLASSIFICATIONS.map((c) => c.classification).reverse();
export const MAX_SUMMARY = 1000;

/** The regions a RIEC draws pictures for: its own, and those it serves in the seed (the Taskforce also serves OB). */
export function regionsOfRiec(producer: string): string[] {
  const own = ORGANISATIONS.find((o) => o.id === producer && o.type === 'RIEC')?.regionCode;
  const served = Object.entries(PRODUCERS).flatMap(([code, p]) => (p?.producerId === producer ? [code] : []));
  return [...new Set([...(own ? [own] : []), ...served])];
}

function regionRule(checks: InputChecks, value: unknown, producer: string): string | null {
  const region = checks.text('region', value, { required: true, max: 10 });
  if (region === null) return null;
  if (!isRegionCode(region)) return checks.fail('region', 'UNKNOWN_REFERENCE', `region "${region}" is not one of the ten region codes (NN, ON, MN, NH, AA, DH, RR, ZWB, OB, LB).`);
  const served = regionsOfRiec(producer);
  if (served.includes(region)) return region;
  return checks.fail('region', 'CONFLICT', `${producer} draws pictures for ${served.join(', ') || 'no region'}; a picture of ${region} is for that region's RIEC.`);
}

function periodRule(checks: InputChecks, value: unknown, today: string): string | null {
  const period = checks.text('period', value, { required: true, max: 10 });
  if (period === null) return null;
  const halfYear = readHalfYear(period);
  if (!halfYear) return checks.fail('period', 'INVALID', `period must be ${PERIOD_FORM}; got "${period}".`);
  if (halfYear.year < MIN_YEAR || halfYear.year > MAX_YEAR || periodStart(halfYear) > today) {
    return checks.fail('period', 'OUT_OF_RANGE', `period must be a half-year from ${MIN_YEAR}-H1 that has begun (today is ${today}); got ${period}.`);
  }
  return period;
}

/** Each source a whole number of at least 0, and signalCount their sum. */
function signalRules(checks: InputChecks, input: PictureInput): InputError[] {
  const sources = new InputChecks(['input', 'signalsBySource']);
  const counts = SOURCE_FIELDS.map(({ field }) => sources.integer(field, input.signalsBySource?.[field], { min: 0 }));
  const signalCount = checks.integer('signalCount', input.signalCount, { min: 0 });
  if (sources.ok && signalCount !== null) {
    const sum = counts.reduce((total: number, count) => total + count!, 0);
    if (signalCount !== sum) checks.fail('signalCount', 'INVALID', `signalCount must be the sum of signalsBySource, ${sum}; got ${signalCount}.`);
  }
  return sources.errors;
}

/** Free text a RIEC writes (a summary, a reason): present, not too long, and naming no one. */
export function nameFreeText(checks: InputChecks, field: string, value: unknown, max: number): string | null {
  const text = checks.text(field, value, { required: true, max });
  const problem = text === null ? null : namesNoOne(text);
  return problem ? checks.fail(field, 'INVALID', `${field} must name no one: ${problem}.`) : text;
}

/** A checked picture as its row: published (not withdrawn) and not synthetic, its id from region, period and theme. */
function toRow(input: PictureInput, producer: string): PictureInsert {
  const halfYear = readHalfYear(input.period!)!;
  const counts = Object.fromEntries(SOURCE_FIELDS.map(({ field, column }) => [column, input.signalsBySource![field]!]));
  return {
    id: `${input.region}-${periodLabel(halfYear)}-${input.theme}`,
    regionCode: input.region!,
    producerId: producer,
    year: halfYear.year,
    half: halfYear.half,
    period: periodLabel(halfYear),
    periodStart: periodStart(halfYear),
    periodEnd: periodEnd(halfYear),
    theme: input.theme!,
    ...(counts as Pick<PictureInsert, (typeof SOURCE_FIELDS)[number]['column']>),
    signalCount: input.signalCount!,
    classification: input.classification!,
    summary: input.summary!.trim(),
    synthetic: false,
    withdrawnAt: null,
    withdrawalReason: null,
  };
}

/** Checks a picture, reporting every problem at once; with none, the row to store. */
export function checkPicture(input: PictureInput, context: PictureRuleContext): { picture: PictureInsert | null; errors: InputError[] } {
  const checks = new InputChecks(['input']);
  regionRule(checks, input.region, context.producer);
  periodRule(checks, input.period, context.today);
  checks.oneOf('theme', input.theme, THEMES, 'theme');
  checks.oneOf('classification', input.classification, CLASSIFICATION_VALUES, 'classification');
  const sourceErrors = signalRules(checks, input);
  nameFreeText(checks, 'summary', input.summary, MAX_SUMMARY);
  const errors = [...checks.errors, ...sourceErrors].sort((a, b) => FIELD_ORDER.indexOf(a.path[1]) - FIELD_ORDER.indexOf(b.path[1]));
  return errors.length ? { picture: null, errors } : { picture: toRow(input, context.producer), errors };
}

/** Checks a withdrawal's reason: required, short, and naming no one, like a summary. */
export function checkWithdrawalReason(reason: unknown): InputError | null {
  const checks = new InputChecks([]);
  nameFreeText(checks, 'reason', reason, 500);
  return checks.errors[0] ?? null;
}
