/**
 * Small-cell suppression over linked additive tables, as statistics offices do it (CBS, τ-ARGUS):
 * a pure function of the cells' company counts, so it can be tested on hand-made tables.
 */

/** Why a cell is withheld: too few companies itself, or to protect another withheld cell. */
export type Suppression = 'PRIMARY' | 'SECONDARY';

/** One additive relation: the total's scans are exactly the scans of its parts. */
export interface Relation {
  total: string;
  parts: readonly string[];
}

/**
 * Decides which cells to withhold. `companies` holds the number of distinct companies in every
 * non-empty cell (a cell that is missing is empty: it is published as zero and never withheld).
 *
 * Primary: a cell of 1 to k-1 companies. Secondary, repeated until nothing changes: in every
 * relation, exactly one withheld cell could be computed from the others, so one more part is
 * withheld; and while the total is published, the withheld parts together (what an attacker gets
 * by subtracting the published parts) must cover at least k companies. The part withheld next is
 * always the smallest published one (then the first by key), so the outcome is deterministic.
 */
export function suppress(
  companies: ReadonlyMap<string, number>,
  relations: readonly Relation[],
  k: number,
): Map<string, Suppression> {
  const withheld = new Map<string, Suppression>();
  for (const [key, count] of companies) if (count > 0 && count < k) withheld.set(key, 'PRIMARY');
  const size = (key: string) => companies.get(key) ?? 0;
  const ordered = relations.map((relation) => ({
    total: relation.total,
    parts: relation.parts.filter((part) => size(part) > 0).sort((a, b) => size(a) - size(b) || (a < b ? -1 : 1)),
  }));
  let changed = true;
  while (changed) {
    changed = false;
    for (const relation of ordered) {
      for (let need = needsMore(relation, withheld, size, k); need; need = needsMore(relation, withheld, size, k)) {
        // A lone withheld part of a total with no other published part: the total is that part.
        const next = relation.parts.find((part) => !withheld.has(part)) ?? (need === 'one' ? relation.total : undefined);
        if (!next || withheld.has(next)) break;
        withheld.set(next, 'SECONDARY');
        changed = true;
      }
    }
  }
  return withheld;
}

function needsMore(relation: Relation, withheld: Map<string, Suppression>, size: (key: string) => number, k: number) {
  const hidden = relation.parts.filter((part) => withheld.has(part));
  const totalHidden = withheld.has(relation.total);
  const count = hidden.length + (totalHidden ? 1 : 0);
  if (count === 0) return false;
  if (count === 1) return 'one';
  if (totalHidden) return false;
  return hidden.reduce((sum, part) => sum + size(part), 0) < k ? 'small' : false;
}
