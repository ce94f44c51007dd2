// Composes schema/supergraph.yaml into schema/supergraph.graphql.
//   npm run compose                  write the supergraph
//   npm run compose -- --check       exit 1 if the committed supergraph is stale
//   npm run compose -- --only a,b    compose only these subgraphs and print errors (nothing written)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { composeSupergraph, readSupergraphConfig } from '../gateway/src/composition.js';

const { values } = parseArgs({ options: { check: { type: 'boolean' }, only: { type: 'string' } } });
const configPath = fileURLToPath(new URL('../schema/supergraph.yaml', import.meta.url));
const outputPath = fileURLToPath(new URL('../schema/supergraph.graphql', import.meta.url));

const only = values.only?.split(',');
const sources = readSupergraphConfig(configPath, only);
const result = composeSupergraph(sources);
if (result.errors) {
  console.error(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
if (only) {
  console.log(`Composed ${only.join(', ')}: no errors.`);
} else if (values.check) {
  if (readFileSync(outputPath, 'utf8') !== result.supergraphSdl) {
    console.error('schema/supergraph.graphql is stale: run npm run compose and commit it.');
    process.exit(1);
  }
  console.log('schema/supergraph.graphql is up to date.');
} else {
  writeFileSync(outputPath, result.supergraphSdl);
  console.log(`Wrote schema/supergraph.graphql (${sources.map((s) => s.name).join(', ')}).`);
}
