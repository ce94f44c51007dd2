// `npm run migrate [-- --subgraph kvo]`: applies each subgraph's committed drizzle migrations.
import { loadConfigOrExit, prepareDatabase, readSubgraphConfig } from '@vo/kit';
import { loadDefinition, selectSubgraphs } from './services.js';

for (const service of selectSubgraphs()) {
  const config = loadConfigOrExit(() => readSubgraphConfig(service.port));
  const database = await prepareDatabase(await loadDefinition(service.name), config, false);
  console.log(`${service.name}: migrations applied (${database.kind})`);
  await database.close();
}
