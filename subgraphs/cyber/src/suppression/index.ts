import type { DataChanges } from '@vo/kit';
import type { CellRow } from '../db/queries/cells.js';
import { SuppressionPattern } from './pattern.js';

/**
 * The process's suppression pattern. It is computed from every cell once (about a second on
 * PGlite), not per request, and again after every committed write to the cyber schema that `changes` reports,
 * whoever wrote it (another replica, an import, psql). A mutation of this process also calls `refresh()` and waits,
 * so its caller's next read has the new pattern. Until a refresh a new small group is still withheld, because every
 * row is also checked on its own (protect.ts).
 */
export function createSuppression(cells: { all(): Promise<CellRow[]> }, minGroupSize: number, changes?: DataChanges) {
  const compute = () => cells.all().then((rows) => new SuppressionPattern(rows, minGroupSize));
  let current = compute();
  // A failure surfaces on the first request that needs the pattern, not as an unhandled rejection.
  current.catch(() => {});
  const refresh = () => {
    current = compute();
    current.catch(() => {});
    return current;
  };
  changes?.onDataChange(refresh);
  return {
    minGroupSize,
    pattern: () => current.catch(() => (current = compute())),
    refresh,
  };
}
