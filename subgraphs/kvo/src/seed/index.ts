import { hasRows, seededRandom, upsertAll, type Db } from '@vo/kit';
import { certifications, type CertificationInsert } from '../db/schema.js';
import { generateChains } from './chains.js';
import { SEED } from './constants.js';
import { cyberPilot } from './pilot.js';
import { KVO_B_RULES, KVO_W_RULES, RURAL_RULES } from './schemes.js';

/** Every certificate, generated in a fixed order from one seeded generator, so each run gives the same rows. */
export function generateCertifications(): CertificationInsert[] {
  const random = seededRandom(SEED);
  const kvoB = generateChains(random, KVO_B_RULES);
  const rows = [...kvoB, ...generateChains(random, KVO_W_RULES), ...generateChains(random, RURAL_RULES), ...cyberPilot(random, kvoB)];
  const ids = new Set(rows.map((row) => row.id));
  if (ids.size !== rows.length) throw new Error('kvo seed: two generated certificates share an id');
  return rows;
}

/** Loads the certificates; upserting on the id makes a second run change nothing. */
export async function seedKvo(db: Db): Promise<void> {
  const rows = generateCertifications();
  await db.transaction(async (tx) => {
    await upsertAll(tx as unknown as Db, certifications, rows, [certifications.id]);
  });
}

export const isKvoSeeded = (db: Db) => hasRows(db, certifications);
