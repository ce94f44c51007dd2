import { SYNTHETIC_SEED, hasRows, seededRandom, type Db } from '@vo/kit';
import { grants, type GrantInsert } from '../db/schema.js';
import { jenvGrants } from './jenv.js';
import { municipalGrants } from './municipal.js';
import { regionalGrants } from './regional.js';

/** The funding subgraph's seed offset: its synthetic amounts differ from every other subgraph's. */
const SEED_OFFSET = 2;

/** Every grant, generated in a fixed order from one seeded generator, so each run gives the same rows. */
export function generateGrants(): GrantInsert[] {
  const random = seededRandom(SYNTHETIC_SEED + SEED_OFFSET);
  const rows = [...jenvGrants(random), ...regionalGrants(random), ...municipalGrants(random)];
  const ids = new Set(rows.map((row) => row.id));
  if (ids.size !== rows.length) throw new Error('funding seed: two generated grants share an id');
  return rows;
}

/** Rows per statement, well under Postgres' parameter limit. */
const CHUNK = 500;

/**
 * Loads the grants that are missing: a second run changes nothing, and a grant a funder has corrected keeps the
 * correction (a seed never overwrites a partner's write).
 */
export async function seedFunding(db: Db): Promise<void> {
  const rows = generateGrants();
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += CHUNK) {
      await tx.insert(grants).values(rows.slice(start, start + CHUNK)).onConflictDoNothing();
    }
  });
}

export const isFundingSeeded = (db: Db) => hasRows(db, grants);
