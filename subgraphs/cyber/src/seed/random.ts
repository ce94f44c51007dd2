import type { seededRandom } from '@vo/kit';

/** The kit's seeded generator; these helpers draw from it only, so the data stay reproducible. */
export type Random = ReturnType<typeof seededRandom>;

/** A standard normal draw (Box-Muller): faker has uniform draws only. */
export function gaussian(random: Random): number {
  const u = 1 - random.number.float({ min: 0, max: 1 });
  const v = random.number.float({ min: 0, max: 1 });
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * A Poisson count with mean `mean`: small places then often get zero or one scan, which makes the
 * realistic small groups that suppression will hide. Large means use the normal approximation.
 */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random.number.float({ min: 0, max: 1 }); product > limit; count += 1) {
    product *= random.number.float({ min: 0, max: 1 });
  }
  return count;
}

/** Picks a key of `weights` with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  return random.helpers.weightedArrayElement(entries.map(([value, weight]) => ({ value, weight })));
}

export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
