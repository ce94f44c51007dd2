import { closeServer, createSubgraphApp, DEVELOPMENT_AUTH, listen } from '@vo/kit';
import { parse } from 'graphql';

/**
 * A partner subgraph for the registry tests, built on the kit like every real one: "safety-week" adds the national
 * Week van de Veiligheid (synthetic figures) to each region. It serves every field any test version publishes;
 * each version's SDL picks the fields the registry is told about.
 */
const HEADER = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize"])

"One of the ten PVO regions; they follow the ten units of the National Police."
type Region @key(fields: "code") {
  "Short code: NN, ON, MN, NH, AA, DH, RR, ZWB, OB or LB."
  code: ID!`;

const FIELDS = {
  events: `  "Events the region held in the Week van de Veiligheid (synthetic)."\n  safetyWeekEvents: Int!`,
  theme: `  "The theme of the region's Week van de Veiligheid (synthetic)."\n  safetyWeekTheme: String!`,
  activities: `  "Every activity of the week, with no page size: up to 1000 a region."\n  safetyWeekActivities: [SafetyWeekActivity!]! @listSize(assumedSize: 1000)`,
};
const ACTIVITY = `
"One activity of the Week van de Veiligheid."
type SafetyWeekActivity {
  "What the activity was."
  name: String!
}`;

/** The SDL of a version with these fields of Region. */
export function safetyWeekSdl(...fields: (keyof typeof FIELDS)[]) {
  return `${HEADER}\n${fields.map((field) => FIELDS[field]).join('\n')}\n}\n${fields.includes('activities') ? ACTIVITY : ''}`;
}

const resolvers = {
  Region: {
    __resolveReference: ({ code }: { code: string }) => ({ code }),
    safetyWeekEvents: ({ code }: { code: string }) => code.length * 3,
    safetyWeekTheme: ({ code }: { code: string }) => `Samen veilig in ${code}`,
    safetyWeekActivities: ({ code }: { code: string }) => [{ name: `Opening ${code}` }],
  },
};

/** Serves the subgraph with every field on a free port. */
export async function startSafetyWeek() {
  const { app, apollo } = await createSubgraphApp({
    name: 'safety-week',
    typeDefs: parse(safetyWeekSdl('events', 'theme', 'activities')),
    resolvers: resolvers as never,
    context: () => ({}),
    auth: DEVELOPMENT_AUTH,
  });
  const { server, url } = await listen(app, 0);
  return {
    url: `${url}/graphql`,
    async close() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}
