import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@vo/kit';
import { audit } from '../schema.js';

/** The audit entries of many records of one entity, newest first, in one statement: the history loader's batch. */
export function createHistoryQueries(db: Db) {
  return {
    byKeys: (entity: string, keys: readonly string[]) =>
      db
        .select()
        .from(audit)
        .where(and(eq(audit.entity, entity), inArray(audit.key, [...keys])))
        .orderBy(desc(audit.id)),
  };
}
