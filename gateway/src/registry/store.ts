import type { Db } from '@vo/kit';
import { and, desc, eq, getTableColumns, inArray, max } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { subgraphVersions, supergraphMembers, supergraphs } from './db/schema.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type SubgraphVersion = typeof subgraphVersions.$inferSelect;
export type Supergraph = typeof supergraphs.$inferSelect;
/** The supergraph being served and the subgraph versions it was composed from. */
export interface ActiveState {
  supergraph: Supergraph;
  members: SubgraphVersion[];
}

/** The latest supergraph and its members, or undefined before the first seed. */
export async function activeState(db: Db): Promise<ActiveState | undefined> {
  const [supergraph] = await db.select().from(supergraphs).orderBy(desc(supergraphs.id)).limit(1);
  if (!supergraph) return undefined;
  const members = await db
    .select({ version: subgraphVersions })
    .from(supergraphMembers)
    .innerJoin(subgraphVersions, eq(subgraphVersions.id, supergraphMembers.versionId))
    .where(eq(supergraphMembers.supergraphId, supergraph.id))
    .orderBy(subgraphVersions.subgraph);
  return { supergraph, members: members.map((row) => row.version) };
}

/** The id of the latest supergraph: what a replica polls to notice another one's publish. */
export async function activeSupergraphId(db: Db): Promise<number | undefined> {
  const [row] = await db.select({ id: supergraphs.id }).from(supergraphs).orderBy(desc(supergraphs.id)).limit(1);
  return row?.id;
}

export interface NewVersion {
  subgraph: string;
  sdl: string;
  routingUrl: string;
  author: string;
}

/** Stores the next version of a subgraph (1 for a new one). */
export async function insertVersion(db: Db, version: NewVersion): Promise<SubgraphVersion> {
  const [{ latest }] = await db
    .select({ latest: max(subgraphVersions.version) })
    .from(subgraphVersions)
    .where(eq(subgraphVersions.subgraph, version.subgraph));
  const [row] = await db
    .insert(subgraphVersions)
    .values({ ...version, version: (latest ?? 0) + 1, sdlHash: sha256(version.sdl) })
    .returning();
  return row;
}

/** Stores a composed supergraph and which versions it holds; the highest id is the active one. */
export async function insertSupergraph(
  db: Db,
  supergraph: { sdl: string; reason: string; author: string; versionIds: number[] },
): Promise<Supergraph> {
  const [row] = await db
    .insert(supergraphs)
    .values({ hash: sha256(supergraph.sdl), sdl: supergraph.sdl, reason: supergraph.reason, author: supergraph.author })
    .returning();
  await db.insert(supergraphMembers).values(supergraph.versionIds.map((versionId) => ({ supergraphId: row.id, versionId })));
  return row;
}

/** Every version of one subgraph, newest first, without the SDL. */
export async function versionsOf(db: Db, subgraph: string) {
  const { sdl: _sdl, ...columns } = getTableColumns(subgraphVersions);
  return db.select(columns).from(subgraphVersions).where(eq(subgraphVersions.subgraph, subgraph)).orderBy(desc(subgraphVersions.version));
}

export async function findVersion(db: Db, subgraph: string, version: number): Promise<SubgraphVersion | undefined> {
  const [row] = await db
    .select()
    .from(subgraphVersions)
    .where(and(eq(subgraphVersions.subgraph, subgraph), eq(subgraphVersions.version, version)));
  return row;
}

/** The latest version of each of these subgraphs that `author` published (the seed's own, to see what changed). */
export async function latestVersionsBy(db: Db, author: string, subgraphs: string[]): Promise<Map<string, SubgraphVersion>> {
  if (subgraphs.length === 0) return new Map();
  const rows = await db
    .select()
    .from(subgraphVersions)
    .where(and(eq(subgraphVersions.author, author), inArray(subgraphVersions.subgraph, subgraphs)))
    .orderBy(subgraphVersions.version);
  return new Map(rows.map((row) => [row.subgraph, row]));
}
