import { SYNTHETIC_SEED, hasRows, seededRandom, upsertAll, type Db } from '@vo/kit';
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

/** Loads the grants; upserting on the id makes a second run change nothing. */
export async function seedFunding(db: Db): Promise<void> {
  const rows = generateGrants();
  await db.transaction(async (tx) => {
    await upsertAll(tx as unknown as Db, grants, rows, [grants.id]);
  });
}

export const isFundingSeeded = (db: Db) => hasRows(db, grants);
