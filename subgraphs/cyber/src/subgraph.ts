import { DateScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { readSuppressionConfig } from './config.js';
import { cyberPolicies } from './access.js';
import { contextFactory, type Context } from './context.js';
import { CyberScan } from './resolvers/CyberScan.js';
import { CyberSummary } from './resolvers/CyberSummary.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { Country, Municipality, Region } from './resolvers/places.js';
import { TrendRow } from './resolvers/trends.js';
import { isCyberSeeded, seedCyber } from './seed/index.js';

/**
 * The cyber subgraph, owned by the Digital Trust Center. `minGroupSize` is the smallest group of
 * companies it publishes figures about; without it, CYBER_MIN_GROUP_SIZE (default 5) decides.
 */
export function createCyberSubgraph(options: { minGroupSize?: number } = {}): SubgraphDefinition<Context> {
  return {
    ...cyberSubgraph,
    createContext: (db, changes) => contextFactory(options.minGroupSize ?? readSuppressionConfig().CYBER_MIN_GROUP_SIZE)(db, changes),
  };
}

/** The cyber subgraph with the minimum group size from the environment. */
export const cyberSubgraph: SubgraphDefinition<Context> = {
  name: 'cyber',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: { Date: DateScalar, Query, Mutation, CyberScan, CyberSummary, Region, Municipality, Country, TrendRow } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: (db, changes) => contextFactory(readSuppressionConfig().CYBER_MIN_GROUP_SIZE)(db, changes),
  policies: cyberPolicies,
  seed: seedCyber,
  isSeeded: isCyberSeeded,
};
