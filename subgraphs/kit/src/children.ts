import DataLoader from 'dataloader';
import { and, getTableColumns, sql, type AnyColumn, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db.js';
import { afterCursor, readPage, toConnection, type Connection, type Page, type PageArgs } from './pagination.js';

/** `column = any(keys)`: one statement for a whole batch of keys, and one plan for any batch size. */
export function anyOf(column: AnyColumn, keys: readonly unknown[] | Placeholder): SQL {
  return sql`${column} = any(${Array.isArray(keys) ? sql.param(keys) : keys})`;
}

interface WindowOptions {
  parent: PgColumn;
  order: PgColumn[];
  parents: readonly string[];
  page: Page;
  where?: SQL;
}

/**
 * One page of children for many parents in one statement: rows are numbered per parent and
 * cut at `limit + 1`, so each parent's page also tells whether more follow.
 */
export async function selectPagePerParent<T extends PgTable>(db: Db, table: T, options: WindowOptions) {
  const rank = sql<number>`row_number() over (partition by ${options.parent} order by ${sql.join(options.order, sql`, `)})`;
  // The generic table type defeats drizzle's subquery typing; the result type is restored below.
  const ranked = (db as Db)
    .select({ ...getTableColumns(table as PgTable), rank: rank.as('rank') })
    .from(table as PgTable)
    .where(and(anyOf(options.parent, options.parents), options.where, afterCursor(options.order, options.page)))
    .as('ranked');
  const rows = await db
    .select()
    .from(ranked as never)
    .where(sql`${ranked.rank} <= ${options.page.limit + 1}`)
    .orderBy(ranked.rank);
  return rows as unknown as (T['$inferSelect'] & { rank: number })[];
}

export interface ChildSource<Row, Filter> {
  /** Up to `page.limit + 1` rows per parent, for all parents in one statement. */
  rows(parents: readonly string[], page: Page, filter: Filter): Promise<Row[]>;
  /** The number of children per parent, for all parents in one statement. */
  counts(parents: readonly string[], filter: Filter): Promise<Map<string, number>>;
  parentOf(row: Row): string;
  keyOf(row: Row): unknown[];
}

/**
 * Per-request loader for paginated child lists (a region's sites, a site's certifications):
 * every parent asking with the same arguments is served by the same single statement.
 */
export class ChildConnections<Row, Filter extends object> {
  private readonly pages = new Map<string, DataLoader<string, Row[]>>();
  private readonly counts = new Map<string, DataLoader<string, number>>();

  constructor(private readonly source: ChildSource<Row, Filter>) {}

  load(parent: string, args: PageArgs & Filter): Connection<Row> | Promise<Connection<Row>> {
    const { first, after, ...rest } = args;
    const filter = rest as unknown as Filter;
    const page = readPage({ first, after });
    const key = JSON.stringify([page, filter]);
    const pageLoader = this.loaderFor(this.pages, key, async (parents) => {
      const grouped = new Map<string, Row[]>(parents.map((p) => [p, []]));
      for (const row of await this.source.rows(parents, page, filter)) grouped.get(this.source.parentOf(row))?.push(row);
      return parents.map((p) => grouped.get(p) ?? []);
    });
    const countLoader = this.loaderFor(this.counts, JSON.stringify(filter), async (parents) => {
      const counts = await this.source.counts(parents, filter);
      return parents.map((p) => counts.get(p) ?? 0);
    });
    return pageLoader
      .load(parent)
      .then((rows) => toConnection(rows, page, () => countLoader.load(parent), (row) => this.source.keyOf(row)));
  }

  private loaderFor<V>(map: Map<string, DataLoader<string, V>>, key: string, batch: (keys: readonly string[]) => Promise<V[]>) {
    let loader = map.get(key);
    if (!loader) {
      loader = new DataLoader(batch);
      map.set(key, loader);
    }
    return loader;
  }
}
