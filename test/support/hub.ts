import { createGateway, type GatewayOptions } from '@vo/gateway';
import { listen, closeServer } from '@vo/kit';
import { startTestSubgraph } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { loadDefinition, SUBGRAPHS } from '../../scripts/services.js';

export const SUPERGRAPH_PATH = new URL('../../schema/supergraph.graphql', import.meta.url);

type RunningTestSubgraph = Awaited<ReturnType<typeof startTestSubgraph>>;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/**
 * The whole hub as `npm start` runs it, in-process: every subgraph on its own seeded test database
 * and its own port, and the real gateway over the committed supergraph, all over real HTTP.
 * `names` starts only those subgraphs (a hub before a partner joined); the gateway then serves the
 * committed supergraph anyway, so give such a hub a registry seeded with the same set.
 */
export async function startHub(names: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name)) {
  const subgraphs: Record<string, RunningTestSubgraph> = {};
  await Promise.all(
    names.map(async (name) => {
      subgraphs[name] = await startTestSubgraph(await loadDefinition(name));
    }),
  );
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.url])),
  });
  const { server, url } = await listen(gateway.app, 0);
  return {
    url: `${url}/graphql`,
    baseUrl: url,
    subgraphs,
    /** SQL statements run by all subgraphs so far. */
    statements: () => Object.values(subgraphs).reduce((sum, s) => sum + s.database.statements.count, 0),
    async close() {
      await closeServer(server);
      await gateway.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
    },
  };
}

export type Hub = Awaited<ReturnType<typeof startHub>>;

/**
 * A second gateway with its own options (limits, trusted documents, production, resilience) over a running hub's
 * subgraphs; `subgraphUrls` replaces some of them (a stand-in, a down address).
 */
export async function startGatewayOver(hub: Hub, options: Omit<GatewayOptions, 'supergraphSdl'> = {}) {
  const hubUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url]));
  const gateway = await createGateway({
    ...options,
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: { ...hubUrls, ...options.subgraphUrls },
  });
  const { server, url } = await listen(gateway.app, 0);
  return {
    url: `${url}/graphql`,
    async close() {
      await closeServer(server);
      await gateway.stop();
    },
  };
}
