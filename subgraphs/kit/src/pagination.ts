import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { BadInputError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: how many rows, and the sort key of the row to continue after. */
export interface Page {
  limit: number;
  after: unknown[] | null;
}

/** Checks a page size (`first`); the gateway runs the same check, with at most the same maximum, before any subgraph. */
export function checkPageSize(first: unknown, max = MAX_PAGE_SIZE): number {
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > max) {
    throw new BadInputError(`first must be between 0 and ${max}; got ${JSON.stringify(first)}.`, 'first');
  }
  return first;
}

export function readPage(args: PageArgs): Page {
  const limit = checkPageSize(args.first ?? DEFAULT_PAGE_SIZE);
  return { limit, after: args.after ? decodeCursor(args.after) : null };
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0) return key;
  } catch {
    // fall through to the error below
  }
  throw new BadInputError(`after is not a cursor this list handed out: "${cursor}".`, 'after');
}

/** The keyset condition "sort key after the cursor" for rows ordered ascending by `columns`. */
export function afterCursor(columns: AnyColumn[], page: Page): SQL | undefined {
  if (!page.after) return undefined;
  if (page.after.length !== columns.length) throw new BadInputError('after is a cursor from another list.', 'after');
  const values = page.after.map((value) => sql`${value}`);
  return sql`(${sql.join(columns, sql`, `)}) > (${sql.join(values, sql`, `)})`;
}

export interface Connection<T> {
  /** Resolved only when a query selects it: counting costs a statement. */
  totalCount: () => Promise<number>;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Builds a connection from one page of rows fetched with `limit + 1`, so the extra row tells
 * whether another page follows. `keyOf` gives a row's sort key (the cursor's content).
 */
export function toConnection<T>(
  rows: T[],
  page: Page,
  totalCount: () => Promise<number>,
  keyOf: (row: T) => unknown[],
): Connection<T> {
  const nodes = rows.slice(0, page.limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount,
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
