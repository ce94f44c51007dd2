import { bigint, date, integer, pgSchema, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** The schema registry lives in the Postgres schema "registry", owned by the gateway like a subgraph owns its own. */
export const registrySchema = pgSchema('registry');

/** Every SDL a partner published for its subgraph; versions count up from 1 per subgraph and are never changed. */
export const subgraphVersions = registrySchema.table(
  'subgraph_version',
  {
    id: serial('id').primaryKey(),
    subgraph: text('subgraph').notNull(),
    version: integer('version').notNull(),
    sdl: text('sdl').notNull(),
    /** SHA-256 of the SDL text, hex. */
    sdlHash: text('sdl_hash').notNull(),
    routingUrl: text('routing_url').notNull(),
    /** The publishing token's `sub`. */
    author: text('author').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('subgraph_version_subgraph_version_idx').on(table.subgraph, table.version)],
);

/** Every supergraph the registry composed and activated; the one with the highest id is served. */
export const supergraphs = registrySchema.table('supergraph', {
  id: serial('id').primaryKey(),
  /** SHA-256 of the supergraph SDL, hex. */
  hash: text('hash').notNull(),
  sdl: text('sdl').notNull(),
  /** Why it was composed: "seed", "publish kvo v3", "rollback kvo to v2". */
  reason: text('reason').notNull(),
  author: text('author').notNull(),
  composedAt: timestamp('composed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which subgraph versions a supergraph was composed from. */
export const supergraphMembers = registrySchema.table(
  'supergraph_member',
  {
    supergraphId: integer('supergraph_id').notNull().references(() => supergraphs.id),
    versionId: integer('version_id').notNull().references(() => subgraphVersions.id),
  },
  (table) => [primaryKey({ columns: [table.supergraphId, table.versionId] })],
);

/**
 * How often operations used a schema coordinate (`Type.field`, `Type.field.argument`, `Type`), per client and day.
 * The key starts with the day: a check reads a window of days, and old days are deleted by range.
 */
export const fieldUsage = registrySchema.table(
  'field_usage',
  {
    day: date('day').notNull(),
    coordinate: text('coordinate').notNull(),
    clientName: text('client_name').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.day, table.coordinate, table.clientName] })],
);
