import { DateScalar, EuroCentsScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { fundingPolicies } from './access.js';
import { grantImport } from './import/grants.js';
import { contextFactory, type Context } from './context.js';
import { Country, Municipality, Organisation, Region } from './resolvers/entities.js';
import { FundingParty, Grant } from './resolvers/Grant.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { FundingPeriod, FundingSummary, FundingYear } from './resolvers/summary.js';
import { TrendRow } from './resolvers/trends.js';
import { isFundingSeeded, seedFunding } from './seed/index.js';

/** The funding subgraph, owned by the Ministry of Justice and Security (JenV). */
export const fundingSubgraph: SubgraphDefinition<Context> = {
  name: 'funding',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: {
    Date: DateScalar,
    EuroCents: EuroCentsScalar,
    Query,
    Mutation,
    Grant,
    FundingParty,
    FundingSummary,
    FundingYear,
    FundingPeriod,
    TrendRow,
    Country,
    Region,
    Organisation,
    Municipality,
  } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: contextFactory,
  policies: fundingPolicies,
  seed: seedFunding,
  isSeeded: isFundingSeeded,
  importSpec: grantImport,
};
