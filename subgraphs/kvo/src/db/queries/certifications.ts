import { afterCursor, anyOf, selectPagePerParent, type Db, type Page } from '@vo/kit';
import { and, asc, count, desc, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { SCHEMES } from '../../domain.js';
import { certifications, type CertificationRow } from '../schema.js';
import { certificationConditions, statusCondition, type CertificationConditions } from './filters.js';

/** Whose certificates a child list holds; the country is every certificate. */
export type Scope = 'site' | 'region' | 'municipality' | 'country';

export const SCOPE_COLUMNS: Record<Scope, PgColumn | null> = {
  site: certifications.siteId,
  region: certifications.regionCode,
  municipality: certifications.municipalityCode,
  country: null,
};

/** The two orders lists come in: by certification day, or (expiring soon) by last valid day. */
export const ORDERS = {
  certified: { columns: [certifications.certifiedOn, certifications.id], keyOf: (row: CertificationRow) => [row.certifiedOn, row.id] },
  expiring: { columns: [certifications.validUntil, certifications.id], keyOf: (row: CertificationRow) => [row.validUntil, row.id] },
};
export type Order = keyof typeof ORDERS;

export function createCertificationQueries(db: Db) {
  const byIds = db
    .select()
    .from(certifications)
    .where(anyOf(certifications.id, sql.placeholder('ids')))
    .prepare('kvo_certifications_by_ids');

  const list = (filter: CertificationConditions, page: Page, order: Order = 'certified') => {
    const { columns } = ORDERS[order];
    return db
      .select()
      .from(certifications)
      .where(and(certificationConditions(filter), afterCursor(columns, page)))
      .orderBy(...columns.map((column) => asc(column)))
      .limit(page.limit + 1);
  };
  const countAll = async (filter: CertificationConditions) =>
    (await db.select({ count: count() }).from(certifications).where(certificationConditions(filter)))[0].count;

  /** A page per parent for many parents in one statement; the country's one list needs no partition. */
  const pagePerParent = (scope: Scope, parents: readonly string[], page: Page, filter: CertificationConditions, order: Order) => {
    const parent = SCOPE_COLUMNS[scope];
    if (!parent) return list(filter, page, order);
    return selectPagePerParent(db, certifications, { parent, parents, page, order: ORDERS[order].columns, where: certificationConditions(filter) });
  };
  const countPerParent = async (scope: Scope, parents: readonly string[], filter: CertificationConditions) => {
    const parent = SCOPE_COLUMNS[scope];
    if (!parent) return new Map([['NL', await countAll(filter)]]);
    const rows = await db
      .select({ parent, count: count() })
      .from(certifications)
      .where(and(anyOf(parent, parents), certificationConditions(filter)))
      .groupBy(parent);
    return new Map(rows.map((row) => [row.parent as string, row.count]));
  };

  /** The certificates valid on `asOf` for many sites, each site's in scheme order, the newest first. */
  const validAt = (siteIds: readonly string[], asOf: string) =>
    db
      .select()
      .from(certifications)
      .where(and(anyOf(certifications.siteId, siteIds), statusCondition('VALID', asOf)))
      .orderBy(
        asc(certifications.siteId),
        sql`array_position(${sql.param([...SCHEMES])}::text[], ${certifications.scheme})`,
        desc(certifications.certifiedOn),
      );

  return {
    byIds: (ids: readonly string[]): Promise<CertificationRow[]> => byIds.execute({ ids }),
    list,
    count: countAll,
    pagePerParent,
    countPerParent,
    validAt,
  };
}
