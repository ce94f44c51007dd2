import { DateScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { riecPolicies } from './access.js';
import { contextFactory, type Context } from './context.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { Region } from './resolvers/Region.js';
import { UnderminingPicture } from './resolvers/UnderminingPicture.js';
import { isRiecSeeded, seedRiec } from './seed/index.js';

/**
 * The riec subgraph, owned by the RIECs: undermining pictures per region, half-year and theme. Access is in the
 * SDL (@requiresScopes: riec:read for pictures, riec:read or national:read for yearly signals, riec:write and a RIEC's
 * org claim for publishing and withdrawing), enforced by the kit.
 */
export const riecSubgraph: SubgraphDefinition<Context> = {
  name: 'riec',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: { Date: DateScalar, Query, Mutation, UnderminingPicture, Region } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: contextFactory,
  policies: riecPolicies,
  seed: seedRiec,
  isSeeded: isRiecSeeded,
};
