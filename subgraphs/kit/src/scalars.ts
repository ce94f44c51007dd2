import { GraphQLScalarType, Kind } from 'graphql';
import { BadInputError } from './errors.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict YYYY-MM-DD calendar date, or throws BAD_USER_INPUT. */
export function parseIsoDate(value: unknown, argument?: string): string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) {
    throw new BadInputError(`${JSON.stringify(value)} is not a date: use YYYY-MM-DD, for example 2020-01-01.`, argument);
  }
  return value as string;
}

export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in ISO 8601 form, YYYY-MM-DD.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: (value) => parseIsoDate(value),
  parseLiteral: (ast) => parseIsoDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseCents(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new BadInputError(`${JSON.stringify(value)} is not an amount in euro cents: use a whole number.`);
  }
  return value;
}

export const EuroCentsScalar = new GraphQLScalarType<number, number>({
  name: 'EuroCents',
  description: 'An amount in euro cents, a whole number (up to 2^53), so that 600000 means EUR 6,000.00.',
  serialize: (value) => Number(value),
  parseValue: parseCents,
  parseLiteral: (ast) => parseCents(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});
