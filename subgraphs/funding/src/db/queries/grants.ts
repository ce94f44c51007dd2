import { afterCursor, anyOf, selectPagePerParent, type Db, type Page } from '@vo/kit';
import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { Party, PartyType } from '../../parties.js';
import { grants } from '../schema.js';

/** Filters a child list (an organisation's or municipality's grants) takes. */
export interface GrantChildFilter {
  year?: number | null;
  kind?: string | null;
  theme?: string | null;
}

/** Filters of the top-level grants list, with parties already checked. */
export interface GrantFilter extends GrantChildFilter {
  region?: string | null;
  funder?: Party | null;
  recipient?: Party | null;
}

/** Which side of a grant a child list hangs on. */
export type Side = 'funder' | 'recipient';
const SIDES = {
  funder: { type: grants.funderType, id: grants.funderId },
  recipient: { type: grants.recipientType, id: grants.recipientId },
} as const;

function where(filter: GrantFilter): SQL | undefined {
  const party = (side: Side, p?: Party | null) => (p ? and(eq(SIDES[side].type, p.type), eq(SIDES[side].id, p.id)) : undefined);
  return and(
    filter.region ? eq(grants.recipientRegionCode, filter.region) : undefined,
    party('funder', filter.funder),
    party('recipient', filter.recipient),
    filter.year != null ? eq(grants.year, filter.year) : undefined,
    filter.kind ? eq(grants.kind, filter.kind) : undefined,
    // `@>` on the array lets the GIN index answer the theme filter.
    filter.theme ? sql`${grants.themes} @> array[${filter.theme}]::text[]` : undefined,
  );
}

export function createGrantQueries(db: Db) {
  const byIds = db.select().from(grants).where(anyOf(grants.id, sql.placeholder('ids'))).prepare('grants_by_ids');

  /** Pages of grants for many parties of one type in one statement. */
  const pagePerParent = (side: Side, type: PartyType, parents: readonly string[], page: Page, filter: GrantChildFilter) =>
    selectPagePerParent(db, grants, {
      parent: SIDES[side].id,
      parents,
      page,
      order: [grants.id],
      where: and(eq(SIDES[side].type, type), where(filter)),
    });
  const countPerParent = async (side: Side, type: PartyType, parents: readonly string[], filter: GrantChildFilter) => {
    const column = SIDES[side].id;
    const rows = await db
      .select({ parent: column, count: count() })
      .from(grants)
      .where(and(eq(SIDES[side].type, type), anyOf(column, parents), where(filter)))
      .groupBy(column);
    return new Map(rows.map((row) => [row.parent, row.count]));
  };

  return {
    byIds: (ids: readonly string[]) => byIds.execute({ ids }),
    pagePerParent,
    countPerParent,
    list: (filter: GrantFilter, page: Page) =>
      db
        .select()
        .from(grants)
        .where(and(where(filter), afterCursor([grants.id], page)))
        .orderBy(asc(grants.id))
        .limit(page.limit + 1),
    count: async (filter: GrantFilter) => (await db.select({ count: count() }).from(grants).where(where(filter)))[0].count,
  };
}
