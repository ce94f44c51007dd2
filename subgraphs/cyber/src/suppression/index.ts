import type { CellRow } from '../db/queries/cells.js';
import { SuppressionPattern } from './pattern.js';

/**
 * The process's suppression pattern. It is computed from every cell once (about a second on
 * PGlite), not per request; whatever writes scans must call `refresh()` afterwards. Until then a
 * new small group is still withheld, because every row is also checked on its own (protect.ts).
 */
export function createSuppression(cells: { all(): Promise<CellRow[]> }, minGroupSize: number) {
  const compute = () => cells.all().then((rows) => new SuppressionPattern(rows, minGroupSize));
  let current = compute();
  // A failure surfaces on the first request that needs the pattern, not as an unhandled rejection.
  current.catch(() => {});
  return {
    minGroupSize,
    pattern: () => current.catch(() => (current = compute())),
    refresh() {
      current = compute();
      current.catch(() => {});
      return current;
    },
  };
}
