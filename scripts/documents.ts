// Writes schema/trusted-documents.json, the operations that run in trusted-documents mode (TRUSTED_DOCUMENTS=true),
// from schema/operations/*.graphql, in Apollo's persisted query manifest format.
//   npm run documents                write the manifest
//   npm run documents -- --check     exit 1 if the committed manifest is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildTrustedDocuments } from '../gateway/src/trusted-documents.js';

const { values } = parseArgs({ options: { check: { type: 'boolean' } } });
const folder = fileURLToPath(new URL('../schema/operations/', import.meta.url));
const outputPath = fileURLToPath(new URL('../schema/trusted-documents.json', import.meta.url));

const manifest = buildTrustedDocuments(folder);
const text = `${JSON.stringify(manifest, null, 2)}\n`;
if (values.check) {
  if (readFileSync(outputPath, 'utf8') !== text) {
    console.error('schema/trusted-documents.json is stale: run npm run documents and commit it.');
    process.exit(1);
  }
  console.log('schema/trusted-documents.json is up to date.');
} else {
  writeFileSync(outputPath, text);
  console.log(`Wrote schema/trusted-documents.json (${manifest.operations.map((o) => o.name).join(', ')}).`);
}
