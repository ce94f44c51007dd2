import { hasRows, upsertAll, type Db } from '@vo/kit';
import { scans } from '../db/schema.js';
import { generateScans } from './generate.js';

/** Loads the synthetic scans; upserts on the scan id, so running it twice leaves the same data. */
export async function seedCyber(db: Db): Promise<void> {
  const rows = generateScans();
  await db.transaction(async (tx) => {
    await upsertAll(tx as unknown as Db, scans, rows, [scans.id]);
  });
}

export const isCyberSeeded = (db: Db) => hasRows(db, scans);
