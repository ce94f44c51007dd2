import type { Db } from '@vo/kit';
import type { SQL } from 'drizzle-orm';

/** Runs raw SQL in a test: PGlite answers `{ rows }`, postgres.js an array of rows. */
export async function selectRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Whether two averages agree once the API's rounding to two decimals is allowed for. */
export function closeTo(actual: number | null, expected: number): boolean {
  return actual !== null && Math.abs(actual - expected) <= 0.0051;
}
