import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Fetcher } from '@apollo/utils.fetcher';
import { jsonBodyErrors, metricsPlugin, observeRequests, readinessRoute, serviceLogger, type AuthConfig, type Logger } from '@vo/kit';
import express from 'express';
import { Agent, fetch as undiciFetch } from 'undici';
import { admissionPlugin, cachedAnswersFirst, createResponseCache, responseCacheMiddleware, subgraphNamesOf, type ResponseCacheOptions } from './cache/index.js';
import { SubgraphDataSource } from './datasource.js';
import { dashboardRouter } from './dashboard/index.js';
import { exportRouter } from './export/index.js';
import { graphiqlRouter } from './graphiql/index.js';
import { GatewayHealth, type GatewayHealthOptions } from './health.js';
import { importRouter } from './import/index.js';
import { sharedReads } from './in-flight.js';
import { gatewayContext, tokenVerifier, type GatewayContext } from './identity.js';
import { GatewayMetrics } from './observability/index.js';
import { DEFAULT_LIMITS, operationLimits, type OperationLimits } from './limits.js';
import { registryRouter } from './registry/http.js';
import type { Registry } from './registry/registry.js';
import { fixedSupergraph, followSupergraph } from './registry/source.js';
import { usagePlugin } from './registry/usage-plugin.js';
import { formatGatewayError, SubgraphResilience } from './resilience/index.js';
import { trustedDocumentsOnly, trustedDocumentStore, type TrustedDocuments } from './trusted-documents.js';

/*
 * @apollo/gateway (2.14) sends usage metrics to Apollo's servers and probes the AWS, GCP, Azure and Alibaba metadata
 * endpoints when it is constructed, unless this is set. The hub reports to no vendor and fetches nothing at run time.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

export { GatewayHealth, SUBGRAPH_POLICY } from './health.js';

export interface GatewayOptions {
  /** A fixed supergraph to serve; without it, the registry's. */
  supergraphSdl?: string;
  /** The schema registry: its supergraph is served and followed on every publish, usage is recorded for its checks. */
  registry?: Registry;
  /** Routing URLs by subgraph name, overriding the supergraph's (tests, containers). */
  subgraphUrls?: Record<string, string>;
  /** Upper bound on open keep-alive connections per subgraph origin. */
  maxSockets?: number;
  /** Production: no GraphiQL, no introspection, no schema details ("Did you mean ...?") in errors. */
  production?: boolean;
  /** Operation limits; DEFAULT_LIMITS for any left out. */
  limits?: Partial<OperationLimits>;
  /** Trusted-documents mode: only these operations run. */
  trustedDocuments?: TrustedDocuments;
  /** How bearer tokens are verified (the development key when omitted). */
  auth?: AuthConfig;
  /** Subgraph timeouts, query retries and circuit breakers (DEFAULT_RESILIENCE when omitted); stopped with the gateway. */
  resilience?: SubgraphResilience;
  /** Where the access log and the gateway's request lines go (the process-wide gateway logger when left out). */
  logger?: Logger;
  /** /ready's probe timeout and how long it reuses a round of subgraph probes. */
  health?: Pick<GatewayHealthOptions, 'timeoutMs' | 'cacheMs'>;
  /** The response cache for read queries (cache/); off when left out. main.ts turns it on from RESPONSE_CACHE_MB. */
  responseCache?: ResponseCacheOptions;
}

/** Builds the gateway app over the composed supergraph; only main.ts listens. */
export async function createGateway(options: GatewayOptions) {
  // One bounded keep-alive pool for all subgraph calls: no TCP handshake per request, no socket storm; identical
  // reads in flight are asked once (in-flight.ts).
  const agent = new Agent({ connections: options.maxSockets ?? 64, keepAliveTimeout: 30_000 });
  const fetcher = sharedReads(((url: string, init?: object) => undiciFetch(url, { ...init, dispatcher: agent })) as unknown as Fetcher);
  const supergraph = options.registry ?? fixedSupergraph(options.supergraphSdl ?? '');
  const resilience = options.resilience ?? new SubgraphResilience();
  const metrics = new GatewayMetrics(resilience);
  const verify = tokenVerifier(options.auth);
  const responseCache = options.responseCache && createResponseCache(options.responseCache, metrics.responseCache);
  const gateway = new ApolloGateway({
    supergraphSdl: followSupergraph(supergraph),
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls?.[name] ?? url!;
      health.subgraphUrls.set(name, target);
      responseCache?.versions.follow(name, target);
      return new SubgraphDataSource(name, target, fetcher, resilience, metrics, responseCache?.versions);
    },
  });
  const health = new GatewayHealth({
    ...options.health,
    supergraph: async () => {
      if (!gateway.schema) throw new Error('no supergraph loaded');
      return options.registry ? `supergraph ${options.registry.active.supergraph.id} from the registry` : 'a fixed supergraph';
    },
    registryDatabase: options.registry?.options.database,
    breakerState: (name) => resilience.state(name),
  });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const enforced = operationLimits(limits, supergraph.current());
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: formatGatewayError,
    includeStacktraceInErrorResponses: false,
    // main.ts drains the server on SIGTERM (kit shutdown.ts); Apollo's own handler would stop it mid-request.
    stopOnTerminationSignals: false,
    introspection: !options.production,
    hideSchemaDetailsFromClientErrors: options.production,
    parseOptions: enforced.parseOptions,
    validationRules: enforced.validationRules,
    persistedQueries: options.trustedDocuments ? { cache: trustedDocumentStore(options.trustedDocuments) } : undefined,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ...enforced.plugins,
      metricsPlugin(metrics),
      ...(options.registry ? [usagePlugin(options.registry.usage)] : []),
      ...(responseCache ? [admissionPlugin(options.registry?.usage)] : []),
    ],
  });
  await apollo.start();
  // After apollo.start(): Apollo's own listener, registered there, switches the schema first in the same synchronous
  // call, so no request is planned on the old schema under the new generation. A publish or rollback ends every answer.
  if (responseCache) {
    gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
      responseCache.schemaChanged();
      responseCache.versions.retain(subgraphNamesOf(coreSupergraphSdl));
    });
  }

  const app = express();
  app.disable('x-powered-by');
  app.use(observeRequests(options.logger ?? serviceLogger('gateway')));
  app.get('/metrics', metrics.route());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', readinessRoute(() => health.report()));
  if (!options.production) app.use(graphiqlRouter());
  app.use(dashboardRouter());
  app.use('/registry', registryRouter(options.registry, options.auth));
  app.use(importRouter(supergraph, options.subgraphUrls));
  app.use(exportRouter(apollo, gatewayContext(verify)));
  app.use('/graphql', express.json({ limit: limits.maxBodyBytes }));
  if (options.trustedDocuments) app.use('/graphql', trustedDocumentsOnly(options.trustedDocuments));
  const cacheOptions = responseCache && { cache: responseCache, verify, metrics: metrics.responseCache, today: options.responseCache!.today };
  if (cacheOptions) app.use('/graphql', responseCacheMiddleware(cacheOptions));
  app.use('/graphql', expressMiddleware(apollo, { context: gatewayContext(verify) }));
  app.use(jsonBodyErrors);

  return {
    /**
     * The gateway's request handler. With the cache on, hits are answered before express (cache/front.ts); an answer
     * is only ever stored after passing every middleware above in this same gateway (trusted documents included).
     */
    app: cacheOptions
      ? cachedAnswersFirst(app, { ...cacheOptions, maxBodyBytes: limits.maxBodyBytes, logger: options.logger ?? serviceLogger('gateway') })
      : app,
    /** Its `lifecycle.stopping` turns /ready to 503 when a shutdown begins. */
    health,
    /** The response cache and the data versions it follows; undefined when it is off. */
    responseCache,
    async stop() {
      await apollo.stop();
      responseCache?.versions.close();
      resilience.shutdown();
      await agent.close();
    },
  };
}
