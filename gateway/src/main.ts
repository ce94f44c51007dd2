import { listen, loadConfigOrExit } from '@vo/kit';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';
import { startRegistry } from './registry/start.js';
import { SubgraphResilience } from './resilience/index.js';
import { readTrustedDocuments } from './trusted-documents.js';

const config = loadConfigOrExit(() => loadGatewayConfig());
const registry = await startRegistry(config.registry, { subgraphUrls: config.subgraphUrls, committedSupergraphPath: config.SUPERGRAPH_PATH });
const gateway = await createGateway({
  supergraphSdl: registry.supergraphSdl,
  registry: registry.registry,
  subgraphUrls: config.subgraphUrls,
  maxSockets: config.SUBGRAPH_MAX_SOCKETS,
  production: config.NODE_ENV === 'production',
  auth: config.auth,
  limits: config.limits,
  resilience: new SubgraphResilience(config.resilience),
  trustedDocuments: config.TRUSTED_DOCUMENTS ? readTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH) : undefined,
});
const { server, url } = await listen(gateway.app, config.PORT, config.HOST);
console.log(`Gateway ready: ${url}/graphql (GraphiQL in the browser at the same address)`);

const shutdown = async () => {
  server.close();
  await gateway.stop();
  await registry.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
