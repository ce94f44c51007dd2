import { inputError, isRegionCode, MAX_YEAR, MIN_YEAR, ORGANISATIONS, type InputError } from '@vo/kit';
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

const CLASSIFICATION_VALUES = CLASSIFICATIONS.map((c) => c.classification).reverse();
export const MAX_SUMMARY = 1000;

/** The regions a RIEC draws pictures for: its own, and those it serves in the seed (the Taskforce also serves OB). */
export function regionsOfRiec(producer: string): string[] {
  const own = ORGANISATIONS.find((o) => o.id === producer && o.type === 'RIEC')?.regionCode;
  const served = Object.entries(PRODUCERS).flatMap(([code, p]) => (p?.producerId === producer ? [code] : []));
  return [...new Set([...(own ? [own] : []), ...served])];
}

function known(value: string | null | undefined, allowed: readonly string[], path: string[]): InputError | null {
  const field = path.at(-1)!;
  if (!value) return inputError(path, 'REQUIRED', `${field} is required: one of ${allowed.join(', ')}.`);
  return allowed.includes(value) ? null : inputError(path, 'INVALID', `${field} must be one of ${allowed.join(', ')}; got "${value}".`);
}

function regionRule(region: string | null | undefined, producer: string): InputError | null {
  const path = ['input', 'region'];
  if (!region) return inputError(path, 'REQUIRED', 'region is required: a region code such as NN.');
  if (!isRegionCode(region)) return inputError(path, 'UNKNOWN_REFERENCE', `region "${region}" is not one of the ten region codes (NN, ON, MN, NH, AA, DH, RR, ZWB, OB, LB).`);
  const served = regionsOfRiec(producer);
  if (served.includes(region)) return null;
  return inputError(path, 'CONFLICT', `${producer} draws pictures for ${served.join(', ') || 'no region'}; a picture of ${region} is for that region's RIEC.`);
}

function periodRule(period: string | null | undefined, today: string): InputError | null {
  const path = ['input', 'period'];
  if (!period) return inputError(path, 'REQUIRED', `period is required: ${PERIOD_FORM}.`);
  const halfYear = readHalfYear(period);
  if (!halfYear) return inputError(path, 'INVALID', `period must be ${PERIOD_FORM}; got "${period}".`);
  if (halfYear.year < MIN_YEAR || halfYear.year > MAX_YEAR || periodStart(halfYear) > today) {
    return inputError(path, 'OUT_OF_RANGE', `period must be a half-year from ${MIN_YEAR}-H1 that has begun (today is ${today}); got ${period}.`);
  }
  return null;
}

/** Each source a whole number of at least 0, and signalCount their sum. */
function signalRules(input: PictureInput): (InputError | null)[] {
  const counts = SOURCE_FIELDS.map(({ field }) => {
    const path = ['input', 'signalsBySource', field];
    const value = input.signalsBySource?.[field];
    if (value == null) return inputError(path, 'REQUIRED', `${field} is required: the number of signals from it, 0 or more.`);
    return Number.isInteger(value) && value >= 0 ? null : inputError(path, 'OUT_OF_RANGE', `${field} must be a whole number of 0 or more; got ${value}.`);
  });
  const path = ['input', 'signalCount'];
  const { signalCount } = input;
  if (signalCount == null) return [...counts, inputError(path, 'REQUIRED', 'signalCount is required: the sum of signalsBySource.')];
  if (counts.some((error) => error !== null)) return counts;
  const sum = SOURCE_FIELDS.reduce((total, { field }) => total + input.signalsBySource![field]!, 0);
  const total = signalCount === sum ? null : inputError(path, 'INVALID', `signalCount must be the sum of signalsBySource, ${sum}; got ${signalCount}.`);
  return [...counts, total];
}

function summaryRule(summary: string | null | undefined): InputError | null {
  const path = ['input', 'summary'];
  if (!summary?.trim()) return inputError(path, 'REQUIRED', 'summary is required: the picture in a few sentences, without names.');
  if (summary.length > MAX_SUMMARY) return inputError(path, 'OUT_OF_RANGE', `summary is at most ${MAX_SUMMARY} characters; got ${summary.length}.`);
  const problem = namesNoOne(summary);
  return problem ? inputError(path, 'INVALID', `summary must name no one: ${problem}.`) : null;
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

/** Checks a picture; with no errors, the row to store: published (not withdrawn) and not synthetic. */
export function checkPicture(input: PictureInput, context: PictureRuleContext): { picture: PictureInsert | null; errors: InputError[] } {
  const errors = [
    regionRule(input.region, context.producer),
    periodRule(input.period, context.today),
    known(input.theme, THEMES, ['input', 'theme']),
    known(input.classification, CLASSIFICATION_VALUES, ['input', 'classification']),
    ...signalRules(input),
    summaryRule(input.summary),
  ].filter((error): error is InputError => error !== null);
  if (errors.length) return { picture: null, errors };
  return { picture: toRow(input, context.producer), errors };
}

/** Checks a withdrawal's reason: required, short, and naming no one, like a summary. */
export function checkWithdrawalReason(reason: string | null | undefined): InputError | null {
  const path = ['reason'];
  if (!reason?.trim()) return inputError(path, 'REQUIRED', 'reason is required: why the picture is withdrawn, without names.');
  if (reason.length > 500) return inputError(path, 'OUT_OF_RANGE', `reason is at most 500 characters; got ${reason.length}.`);
  const problem = namesNoOne(reason);
  return problem ? inputError(path, 'INVALID', `reason must name no one: ${problem}.`) : null;
}
