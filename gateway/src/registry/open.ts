import { migrateSubgraph, serviceLogger, type Db, type Logger } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { composeSupergraph, readSupergraphConfig, type SubgraphSource } from '../composition.js';
import { writeLastGood } from './last-good.js';
import { Registry, type RegistryOptions } from './registry.js';
import { activeState, insertSupergraph, insertVersion, latestVersionsBy, sha256 } from './store.js';

const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));

/** The author of the versions that come from the committed schema/supergraph.yaml rather than a partner's publish. */
export const SEED_AUTHOR = 'schema/supergraph.yaml';

/**
 * Opens the registry: migrates its schema, brings in the committed set (schema/supergraph.yaml) and writes the
 * active supergraph as the last good one. On the first start the committed set is the registry's first supergraph.
 * Later, a committed subgraph whose SDL or routing URL changed since it was last brought in becomes a new version,
 * so editing a subgraph's schema.graphql in this repository still reaches the gateway. A subgraph a partner has
 * published through the registry is the partner's from then on: the committed copy never replaces
 * the version it serves, however the file changes, and a restart says so once.
 */
export async function openRegistry(options: RegistryOptions & { seedConfigPath: string }): Promise<Registry> {
  const { database } = options;
  await migrateSubgraph(database, 'registry', MIGRATIONS);
  await database.withLock('vo-hub-registry', () => bringInCommittedSet(database.db, readSupergraphConfig(options.seedConfigPath), options.logger ?? serviceLogger('gateway')));
  const state = (await activeState(database.db))!;
  writeLastGood(options.lastGoodPath, state.supergraph.sdl);
  return new Registry(options, state);
}

async function bringInCommittedSet(db: Db, committed: SubgraphSource[], log: Logger) {
  const state = await activeState(db);
  const seeded = await latestVersionsBy(db, SEED_AUTHOR, committed.map((subgraph) => subgraph.name));
  const partnerOwned = new Map((state?.members ?? []).filter((member) => member.author !== SEED_AUTHOR).map((m) => [m.subgraph, m]));
  const changed = committed.filter((subgraph) => {
    const last = seeded.get(subgraph.name);
    return !partnerOwned.has(subgraph.name) && (!last || last.sdlHash !== sha256(subgraph.sdl) || last.routingUrl !== subgraph.url);
  });
  for (const subgraph of committed.filter((s) => partnerOwned.has(s.name))) {
    const member = partnerOwned.get(subgraph.name)!;
    if (member.sdlHash !== sha256(subgraph.sdl) || member.routingUrl !== subgraph.url) {
      log.warn(`registry: keeps ${subgraph.name} v${member.version} published by ${member.author}; ${SEED_AUTHOR}'s copy is not brought in`);
    }
  }
  if (changed.length === 0) return;
  const names = changed.map((subgraph) => subgraph.name);
  const kept = (state?.members ?? []).filter((member) => !names.includes(member.subgraph));
  const composed = composeSupergraph([...kept.map((m) => ({ name: m.subgraph, sdl: m.sdl, url: m.routingUrl })), ...changed]);
  if (composed.errors) {
    const problem = `${SEED_AUTHOR} (${names.join(', ')}) does not compose:\n  ${composed.errors.join('\n  ')}`;
    if (!state) throw new Error(problem);
    log.error(`${problem}\nThe registry keeps supergraph ${state.supergraph.id}.`);
    return;
  }
  await db.transaction(async (tx) => {
    const versions = [];
    for (const subgraph of changed) {
      const version = { subgraph: subgraph.name, sdl: subgraph.sdl, routingUrl: subgraph.url, author: SEED_AUTHOR };
      versions.push(await insertVersion(tx as unknown as Db, version));
    }
    await insertSupergraph(tx as unknown as Db, {
      sdl: composed.supergraphSdl,
      reason: state ? `update ${names.join(', ')} from ${SEED_AUTHOR}` : `seed from ${SEED_AUTHOR}`,
      author: SEED_AUTHOR,
      versionIds: [...kept.map((member) => member.id), ...versions.map((version) => version.id)],
    });
  });
}
