import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import express, { type ErrorRequestHandler } from 'express';
import { parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { enforceAccess, type Policies } from './access.js';
import { createAuthenticator, type AuthConfig } from './auth.js';
import type { DataVersion } from './data-version.js';
import { maskUnexpectedErrors } from './errors.js';
import { readinessRoute, type ReadinessReport } from './health.js';
import { importRoute, type ImportHandler } from './import/http.js';
import { serviceLogger, type Logger } from './log.js';
import { metricsPlugin, observeRequests, ServiceMetrics } from './observability/index.js';
import type { Viewer } from './roles.js';

export interface SubgraphAppOptions<C extends object> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  /** Builds the per-request context (fresh DataLoaders for every request) for the verified caller. */
  context: (viewer: Viewer) => C;
  /** How bearer tokens are verified; the subgraph verifies every token itself, whoever forwarded it. */
  auth: AuthConfig;
  /** The subgraph's implementations of the `@policy` names its SDL uses. */
  policies?: Policies;
  /** Serves POST /import (a CSV upload) when the subgraph has an import spec. */
  imports?: ImportHandler;
  /** Where the access log and the request's lines go (the service's process-wide logger when left out). */
  logger?: Logger;
  /** The metrics served at /metrics; a fresh set when left out. */
  metrics?: ServiceMetrics;
  /** GET /ready: the subgraph's readiness report (health.ts); 503 while it is not ready or stopping. */
  ready?: () => Promise<ReadinessReport>;
  /** GET /data-version: the stream of the subgraph's data version, which the gateway's response cache follows. */
  dataVersion?: DataVersion;
}

/** Answers malformed request bodies with a GraphQL-shaped 400 instead of an HTML error page. */
/** The answer to a request body the JSON parser refused: too large (413), not JSON (400), or an internal failure. */
export function bodyRefusal(status: number, limit?: number) {
  const message =
    status === 413
      ? `The request body is too large: the maximum is ${limit} bytes.`
      : status < 500
        ? 'The request body is not valid JSON.'
        : 'Internal error.';
  return { errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] };
}

export const jsonBodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
  res.status(status).json(bodyRefusal(status, error.limit));
};

/** Builds (but does not start listening) the HTTP app of one subgraph. */
export async function createSubgraphApp<C extends object>(options: SubgraphAppOptions<C>) {
  const schema = enforceAccess(
    buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    options.policies ?? {},
  );
  const authenticate = createAuthenticator(options.auth);
  const metrics = options.metrics ?? new ServiceMetrics(options.name);
  const apollo = new ApolloServer<C>({
    schema,
    formatError: maskUnexpectedErrors,
    includeStacktraceInErrorResponses: false,
    // The service drains its own server on SIGTERM (shutdown.ts); Apollo's handler would stop it mid-request.
    stopOnTerminationSignals: false,
    // Inline traces are for Apollo's hosted studio, which this self-hosted hub does not use.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), metricsPlugin(metrics)],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use(observeRequests(options.logger ?? serviceLogger(options.name)));
  app.get('/metrics', metrics.route());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  if (options.ready) app.get('/ready', readinessRoute(options.ready));
  if (options.dataVersion) app.get('/data-version', options.dataVersion.route());
  const context = async ({ req }: { req: express.Request }) => options.context(await authenticate(req.headers.authorization));
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context }));
  if (options.imports) app.post('/import', importRoute(options.name, authenticate, options.imports));
  app.use(jsonBodyErrors);
  return { app, apollo };
}

/**
 * How long an idle keep-alive connection stays open. Node's default (5 s) races with a client reusing the connection
 * just as the server drops it: the request fails with ECONNRESET, and a POST is not retried (a CI run of 2026-12-08
 * lost a test so). The client should be the one to close: undici's fetch does after 4 s, proxies and load balancers
 * typically after 60 s.
 */
const KEEP_ALIVE_MS = 65_000;

/** Serves an app (an express app, or the gateway's cache in front of one) on `port`; 0 picks a free one. */
export function listen(app: RequestListener, port: number, host = '127.0.0.1'): Promise<{ server: Server; url: string }> {
  return new Promise((resolve, reject) => {
    const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS }, app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve({ server, url: `http://${host}:${address.port}` });
    });
  });
}

export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

/** Reads a subgraph's SDL file (SDL-first: the file is the contract partners read). */
export function readTypeDefs(url: URL): DocumentNode {
  return parse(readFileSync(url, 'utf8'));
}
