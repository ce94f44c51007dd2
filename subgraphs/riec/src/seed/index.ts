import { SYNTHETIC_SEED, hasRows, seededRandom, type Db, type RegionCode } from '@vo/kit';
import { pictures, type PictureInsert } from '../db/schema.js';
import { PRODUCERS } from './constants.js';
import { regionPictures } from './pictures.js';

/** The riec subgraph's seed offset: its synthetic numbers differ from every other subgraph's. */
const SEED_OFFSET = 5;

/** Every picture, drawn in a fixed order (region, period, theme) from one seeded generator: each run gives the same rows. */
export function generatePictures(): PictureInsert[] {
  const random = seededRandom(SYNTHETIC_SEED + SEED_OFFSET);
  const rows = (Object.entries(PRODUCERS) as [RegionCode, NonNullable<(typeof PRODUCERS)[RegionCode]>][]).flatMap(([region, producer]) =>
    regionPictures(random, region, producer),
  );
  if (new Set(rows.map((row) => row.id)).size !== rows.length) throw new Error('riec seed: two generated pictures share an id');
  return rows;
}

/**
 * Loads the pictures that are missing: a second run changes nothing, and a picture a RIEC has corrected or withdrawn
 * stays so (a seed never overwrites a partner's write). A few hundred rows: one statement.
 */
export async function seedRiec(db: Db): Promise<void> {
  await db.insert(pictures).values(generatePictures()).onConflictDoNothing();
}

export const isRiecSeeded = (db: Db) => hasRows(db, pictures);
