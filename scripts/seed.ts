// `npm run seed [-- --subgraph kvo]`: migrates and (re)loads the seed data; running it twice changes nothing.
// With the embedded database, stop the hub first: a PGlite folder belongs to one process at a time.
import { loadConfigOrExit, prepareDatabase, readSubgraphConfig } from '@vo/kit';
import { loadDefinition, selectSubgraphs } from './services.js';

for (const service of selectSubgraphs()) {
  const config = loadConfigOrExit(() => readSubgraphConfig(service.port));
  const definition = await loadDefinition(service.name);
  const database = await prepareDatabase(definition, config, false);
  const started = Date.now();
  await definition.seed(database.db);
  console.log(`${service.name}: seeded (${database.kind}) in ${Date.now() - started} ms`);
  await database.close();
}
