import { BadInputError, REGION_CODES, checkYearRange, isRegionCode } from '@vo/kit';
import type { TrendVariables } from './operation.js';

/** A query parameter the caller must fix: answered 400 with BAD_USER_INPUT and the parameter's name. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

const KNOWN = ['from', 'to', 'regions', 'quarters'];

/** One text value of a parameter; a repeated parameter is refused rather than guessed at. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ParameterError(name, `${name} must be given once, as text (for example ${name}=${example(name)}).`);
  return value;
}

const example = (name: string) => ({ from: '2016', to: '2025', regions: 'NN,LB', quarters: 'false' })[name] ?? '';

function year(query: Record<string, unknown>, name: 'from' | 'to'): number {
  const text = single(query, name);
  if (text === undefined) throw new ParameterError(name, `${name} is required: the ${name === 'from' ? 'first' : 'last'} year of the table, for example ${name}=${example(name)}.`);
  if (!/^\d{4}$/.test(text)) throw new ParameterError(name, `${name} must be a year of four digits, for example ${name}=${example(name)}; got "${text}".`);
  return Number(text);
}

function regions(query: Record<string, unknown>): string[] | undefined {
  const text = single(query, 'regions');
  if (text === undefined) return undefined;
  const codes = text.split(',').map((code) => code.trim());
  const unknown = codes.find((code) => !isRegionCode(code));
  if (unknown !== undefined) {
    throw new ParameterError('regions', `regions holds "${unknown}", which is not a region code; use a comma-separated list of ${REGION_CODES.join(', ')}, or leave regions out for all ten.`);
  }
  const repeated = codes.find((code, index) => codes.indexOf(code) !== index);
  if (repeated) throw new ParameterError('regions', `regions lists "${repeated}" more than once; name each region once.`);
  return codes;
}

function quarters(query: Record<string, unknown>): boolean {
  const text = single(query, 'quarters');
  if (text === undefined || text === 'false') return false;
  if (text === 'true') return true;
  throw new ParameterError('quarters', `quarters must be true or false; got "${text}".`);
}

/**
 * Reads the export's query parameters into the operation's variables, checking them as the API would (years 2000 to
 * 2100, in order, at most 50), so a mistake is a 400 naming the parameter rather than a half-empty file.
 */
export function readTrendParameters(query: Record<string, unknown>): TrendVariables {
  const unknown = Object.keys(query).find((name) => !KNOWN.includes(name));
  if (unknown !== undefined) throw new ParameterError(unknown, `Unknown parameter "${unknown}"; the trend export takes ${KNOWN.join(', ')}.`);
  const range = { from: year(query, 'from'), to: year(query, 'to') };
  try {
    checkYearRange(range);
  } catch (error) {
    if (!(error instanceof BadInputError)) throw error;
    throw new ParameterError(String(error.extensions.argument ?? 'from'), error.message);
  }
  const asked = regions(query);
  return { ...range, ...(asked ? { regions: asked } : {}), quarters: quarters(query) };
}
