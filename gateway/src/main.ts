import { listen, loadConfigOrExit } from '@vo/kit';
import { readFileSync } from 'node:fs';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';
import { readTrustedDocuments } from './trusted-documents.js';

const config = loadConfigOrExit(() => loadGatewayConfig());
const gateway = await createGateway({
  supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
  subgraphUrls: config.subgraphUrls,
  maxSockets: config.SUBGRAPH_MAX_SOCKETS,
  production: config.NODE_ENV === 'production',
  auth: config.auth,
  limits: config.limits,
  trustedDocuments: config.TRUSTED_DOCUMENTS ? readTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH) : undefined,
});
const { server, url } = await listen(gateway.app, config.PORT, config.HOST);
console.log(`Gateway ready: ${url}/graphql (GraphiQL in the browser at the same address)`);

const shutdown = async () => {
  server.close();
  await gateway.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
