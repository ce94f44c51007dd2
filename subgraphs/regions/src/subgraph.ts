import { DateScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { contextFactory, type Context } from './context.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { Country, Region } from './resolvers/Region.js';
import { Municipality, Organisation, Pvo, Site } from './resolvers/entities.js';
import { TrendRow } from './resolvers/trends.js';
import { isRegionsSeeded, seedRegions } from './seed/index.js';

/** The regions subgraph, owned by the PVO network. */
export const regionsSubgraph: SubgraphDefinition<Context> = {
  name: 'regions',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: { Date: DateScalar, Query, Mutation, Country, Region, Pvo, Municipality, Organisation, Site, TrendRow } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: contextFactory,
  seed: seedRegions,
  isSeeded: isRegionsSeeded,
};

