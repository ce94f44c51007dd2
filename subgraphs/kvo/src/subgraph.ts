import { DateScalar, readTypeDefs, type SubgraphDefinition } from '@vo/kit';
import { fileURLToPath } from 'node:url';
import { contextFactory, type Context } from './context.js';
import { certificationImport } from './import/certifications.js';
import { Certification, ProcessGuide } from './resolvers/Certification.js';
import { KvoSummary } from './resolvers/KvoSummary.js';
import { Country, Municipality, Region, Site, SiteKvo } from './resolvers/places.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { KvoPeriod, TrendRow } from './resolvers/trends.js';
import { isKvoSeeded, seedKvo } from './seed/index.js';

/** The KVO subgraph, owned by CCV and MKB-Nederland (Keurmerk Veilig Ondernemen). */
export const kvoSubgraph: SubgraphDefinition<Context> = {
  name: 'kvo',
  typeDefs: readTypeDefs(new URL('./schema.graphql', import.meta.url)),
  resolvers: {
    Date: DateScalar,
    Query,
    Mutation,
    Certification,
    ProcessGuide,
    KvoSummary,
    Site,
    SiteKvo,
    Region,
    Municipality,
    Country,
    TrendRow,
    KvoPeriod,
  } as never,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  createContext: contextFactory,
  seed: seedKvo,
  isSeeded: isKvoSeeded,
  importSpec: certificationImport,
};
