import { configureProcessLogging, createLogger, listen, loadConfigOrExit, stopOnSignal } from '@vo/kit';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './gateway.js';
import { startTracing } from './observability/index.js';
import { startRegistry } from './registry/start.js';
import { SubgraphResilience } from './resilience/index.js';
import { readTrustedDocuments } from './trusted-documents.js';

const config = loadConfigOrExit(() => loadGatewayConfig());
const logger = createLogger('gateway', { level: configureProcessLogging(config.LOG_LEVEL) });
const tracing = startTracing(config);
if (tracing) logger.info(`Tracing: spans go to ${tracing.url}`);
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
  logger,
  trustedDocuments: config.TRUSTED_DOCUMENTS ? readTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH) : undefined,
  responseCache: config.RESPONSE_CACHE_MB > 0 ? { maxBytes: Math.round(config.RESPONSE_CACHE_MB * 1024 * 1024) } : undefined,
});
const { server, url } = await listen(gateway.app, config.PORT, config.HOST);
logger.info(`Gateway ready: ${url}/graphql (GraphiQL in the browser at the same address)`);

stopOnSignal({
  name: 'gateway',
  server,
  lifecycle: gateway.health.lifecycle,
  graceMs: config.SHUTDOWN_GRACE_MS,
  logger,
  close: async () => {
    await gateway.stop();
    await registry.close();
    await tracing?.shutdown();
  },
});
