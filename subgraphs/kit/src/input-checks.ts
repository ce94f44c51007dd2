import { Kind, type DocumentNode } from 'graphql';
import { MAX_YEAR, MIN_YEAR } from './validate.js';
import { inputError, type InputError, type InputErrorCode } from './writes.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  return new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])).toISOString().slice(0, 10) === value;
}

/** The values of an enum in a subgraph's SDL: the rules accept what the schema declares, from one source. */
export function enumValues(typeDefs: DocumentNode, name: string): string[] {
  for (const definition of typeDefs.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === name) return (definition.values ?? []).map((v) => v.name.value);
  }
  throw new Error(`The SDL declares no enum ${name}.`);
}

type Value = unknown;
interface Bounds {
  min?: number;
  max?: number;
}

/**
 * The field checks every write's rules share, mutation or import row: pure and synchronous, each check records
 * an InputError at the field's path (under `base`, for example ["input"]) and returns the value it accepted, so a
 * rule reads every field once and reports every problem at once. Missing means null or undefined.
 */
export class InputChecks {
  readonly errors: InputError[] = [];

  constructor(private readonly base: readonly string[]) {}

  fail(field: string | readonly string[], code: InputErrorCode, message: string): null {
    this.errors.push(inputError([...this.base, ...(typeof field === 'string' ? [field] : field)], code, message));
    return null;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Trimmed text of at most `max` characters; empty text counts as missing. */
  text(field: string | readonly string[], value: Value, { required = false, max = 500 }: { required?: boolean; max?: number } = {}): string | null {
    const name = typeof field === 'string' ? field : field.join('.');
    if (value == null || (typeof value === 'string' && value.trim() === '')) {
      return required ? this.fail(field, 'REQUIRED', `${name} is required.`) : null;
    }
    if (typeof value !== 'string') return this.fail(field, 'INVALID', `${name} must be text.`);
    if (value.trim().length > max) return this.fail(field, 'OUT_OF_RANGE', `${name} is at most ${max} characters; got ${value.trim().length}.`);
    return value.trim();
  }

  /** One of `allowed` (an enum value or a known id); `what` names the kind in the message. */
  oneOf<T extends string>(field: string | readonly string[], value: Value, allowed: readonly T[], what: string, required = true): T | null {
    if (value == null) return required ? this.fail(field, 'REQUIRED', `${what} is required.`) : null;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    const known = allowed.length <= 12 ? `; use one of ${allowed.join(', ')}` : '';
    return this.fail(field, 'UNKNOWN_REFERENCE', `${JSON.stringify(value)} is not a known ${what}${known}.`);
  }

  /** A list of distinct known values, each checked with `oneOf`; a repeat is DUPLICATE at its index. */
  distinct<T extends string>(field: string, values: Value, allowed: readonly T[], what: string): T[] {
    if (values == null) return [];
    if (!Array.isArray(values)) return this.fail(field, 'INVALID', `${field} must be a list.`) ?? [];
    const accepted: T[] = [];
    values.forEach((value, index) => {
      if (accepted.includes(value as T)) this.fail([field, String(index)], 'DUPLICATE', `${JSON.stringify(value)} is listed twice in ${field}.`);
      else if (this.oneOf([field, String(index)], value, allowed, what) !== null) accepted.push(value as T);
    });
    return accepted;
  }

  /** A date YYYY-MM-DD in the years the hub accepts (MIN_YEAR to MAX_YEAR). */
  date(field: string, value: Value, required = true): string | null {
    if (value == null) return required ? this.fail(field, 'REQUIRED', `${field} is required.`) : null;
    if (typeof value !== 'string' || !isIsoDate(value)) {
      return this.fail(field, 'INVALID', `${JSON.stringify(value)} is not a date: use YYYY-MM-DD, for example 2026-03-01.`);
    }
    const year = Number(value.slice(0, 4));
    if (year < MIN_YEAR || year > MAX_YEAR) return this.fail(field, 'OUT_OF_RANGE', `${field} must lie in the years ${MIN_YEAR} to ${MAX_YEAR}; got ${value}.`);
    return value;
  }

  /** A whole number within bounds. */
  integer(field: string, value: Value, bounds: Bounds, required = true): number | null {
    if (value == null) return required ? this.fail(field, 'REQUIRED', `${field} is required.`) : null;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) return this.fail(field, 'INVALID', `${field} must be a whole number; got ${JSON.stringify(value)}.`);
    return this.within(field, value, bounds);
  }

  /** A number within bounds, optionally a multiple of `step` (half days). */
  number(field: string, value: Value, bounds: Bounds & { step?: number }, required = false): number | null {
    if (value == null) return required ? this.fail(field, 'REQUIRED', `${field} is required.`) : null;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.fail(field, 'INVALID', `${field} must be a number; got ${JSON.stringify(value)}.`);
    if (bounds.step && Math.abs(Math.round(value / bounds.step) * bounds.step - value) > 1e-9) {
      return this.fail(field, 'INVALID', `${field} must be a multiple of ${bounds.step}; got ${value}.`);
    }
    return this.within(field, value, bounds);
  }

  boolean(field: string, value: Value, required = true): boolean | null {
    if (value == null) return required ? this.fail(field, 'REQUIRED', `${field} is required.`) : null;
    if (typeof value !== 'boolean') return this.fail(field, 'INVALID', `${field} must be true or false; got ${JSON.stringify(value)}.`);
    return value;
  }

  private within(field: string, value: number, { min, max }: Bounds): number | null {
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      const range = min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      return this.fail(field, 'OUT_OF_RANGE', `${field} must be ${range}; got ${value}.`);
    }
    return value;
  }
}
