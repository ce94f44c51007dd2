import { DateScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { contextFactory, type Context } from './context.js';
import { CyberScan } from './resolvers/CyberScan.js';
import { CyberSummary } from './resolvers/CyberSummary.js';
import { Query } from './resolvers/Query.js';
import { Country, Municipality, Region } from './resolvers/places.js';
import { isCyberSeeded, seedCyber } from './seed/index.js';

/** The cyber subgraph, owned by the Digital Trust Center. */
export const cyberSubgraph: SubgraphDefinition<Context> = {
  name: 'cyber',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: { Date: DateScalar, Query, CyberScan, CyberSummary, Region, Municipality, Country } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: contextFactory,
  seed: seedCyber,
  isSeeded: isCyberSeeded,
};
