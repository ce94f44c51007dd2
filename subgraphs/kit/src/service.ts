import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';
import { join } from 'node:path';
import { z } from 'zod';
import { DataVersion, type DataChanges } from './data-version.js';
import { openDatabase, type DatabaseHandle, type Db } from './db.js';
import type { Policies } from './access.js';
import { authConfigFrom, authEnv, checkAuthEnv, DEVELOPMENT_AUTH, type AuthConfig } from './auth.js';
import { databaseEnv, parseEnv, port } from './env.js';
import { configureProcessLogging, createLogger, logEnv, type Logger } from './log.js';
import { observeDatabase, ServiceMetrics } from './observability/index.js';
import type { Viewer } from './roles.js';
import { migrateSubgraph } from './migrate.js';
import { runImport } from './import/run.js';
import type { ImportSpec } from './import/spec.js';
import { closeServer, createSubgraphApp, listen } from './server.js';
import { databaseReachable, Lifecycle, migrationsApplied, readinessReport, runChecks } from './health.js';
import { shutdownEnv, stopOnSignal } from './shutdown.js';
import type { Server } from 'node:http';

/** Everything the kit needs to run one subgraph: each subgraph exports one of these. */
export interface SubgraphDefinition<C extends object> {
  /** The service name, also its Postgres schema and its name in the supergraph. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  migrationsFolder: string;
  /**
   * Prepares the subgraph's statements once; the returned function builds each request's context. `changes` tells
   * of every committed write to the subgraph's schema, by any writer, for state kept in the process.
   */
  createContext(db: Db, changes: DataChanges): (viewer: Viewer) => C;
  /** Implementations of the `@policy` names the SDL uses (the kit refuses to start when one is missing). */
  policies?: Policies;
  /** Loads the subgraph's reference and synthetic data; running it twice changes nothing. */
  seed(db: Db): Promise<void>;
  isSeeded(db: Db): Promise<boolean>;
  /** What partners may bulk-import as CSV files (POST /import); none when left out. */
  importSpec?: ImportSpec;
}

/** The environment every subgraph reads; `defaultPort` differs per subgraph. */
export function subgraphEnvSchema(defaultPort: number) {
  return z.object({
    ...databaseEnv,
    PORT: port(defaultPort),
    HOST: z.string().default('127.0.0.1'),
    SEED_ON_START: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
    ...shutdownEnv,
    ...authEnv,
    ...logEnv,
  }).superRefine(checkAuthEnv);
}

export type SubgraphConfig = z.infer<ReturnType<typeof subgraphEnvSchema>> & { auth: AuthConfig };

export function readSubgraphConfig(defaultPort: number, env?: Record<string, string | undefined>): SubgraphConfig {
  const config = parseEnv(subgraphEnvSchema(defaultPort), env);
  return { ...config, auth: authConfigFrom(config) };
}

/** Opens the subgraph's database (its own embedded folder, or the shared server) and migrates it. */
export async function prepareDatabase<C extends object>(
  definition: SubgraphDefinition<C>,
  config: Pick<SubgraphConfig, 'DATABASE_URL' | 'DATA_DIR'>,
  seed: boolean,
): Promise<DatabaseHandle> {
  const handle = await openDatabase(
    config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(config.DATA_DIR, definition.name) },
  );
  await migrateSubgraph(handle, definition.name, definition.migrationsFolder);
  if (seed && !(await definition.isSeeded(handle.db))) await definition.seed(handle.db);
  return handle;
}

export interface RunningSubgraph {
  url: string;
  database: DatabaseHandle;
  server: Server;
  /** Set `stopping` and /ready answers 503. */
  lifecycle: Lifecycle;
  /** The data version GET /data-version streams: it moves on every committed write to the subgraph's schema. */
  dataVersion: DataVersion;
  /** Closes the server at once (open connections cut) and stops Apollo; the database stays open. */
  stop(): Promise<void>;
  /** Stops Apollo once the server is closed; the database stays open. */
  release(): Promise<void>;
}

/** Serves a subgraph over an already prepared database; used by `main.ts` and by the tests. */
export async function serveSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  database: DatabaseHandle,
  options: { port: number; host?: string; auth?: AuthConfig; logger?: Logger },
): Promise<RunningSubgraph> {
  const metrics = new ServiceMetrics(definition.name);
  observeDatabase(metrics, database);
  const lifecycle = new Lifecycle();
  const dataVersion = new DataVersion(definition.name);
  await dataVersion.start(database);
  lifecycle.whenStopping(() => void dataVersion.stop());
  const checks = {
    database: databaseReachable(database),
    migrations: migrationsApplied(database, definition.name, definition.migrationsFolder),
  };
  const { app, apollo } = await createSubgraphApp({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    context: definition.createContext(database.db, dataVersion),
    auth: options.auth ?? DEVELOPMENT_AUTH,
    policies: definition.policies,
    logger: options.logger,
    metrics,
    imports: definition.importSpec && ((upload) => runImport({ db: database.db, spec: definition.importSpec!, ...upload })),
    ready: async () => readinessReport(definition.name, await runChecks(checks), lifecycle),
    dataVersion,
  });
  const { server, url } = await listen(app, options.port, options.host);
  return {
    url: `${url}/graphql`,
    database,
    server,
    lifecycle,
    dataVersion,
    async release() {
      await dataVersion.stop();
      await apollo.stop();
    },
    async stop() {
      await dataVersion.stop();
      await closeServer(server);
      await apollo.stop();
    },
  };
}

/** The whole life of a standalone subgraph process: config, database, listen, stop on a signal. */
export async function runSubgraph<C extends object>(definition: SubgraphDefinition<C>, config: SubgraphConfig) {
  const database = await prepareDatabase(definition, config, config.SEED_ON_START);
  const logger = createLogger(definition.name, { level: configureProcessLogging(config.LOG_LEVEL) });
  const running = await serveSubgraph(definition, database, { port: config.PORT, host: config.HOST, auth: config.auth, logger });
  logger.info(`${definition.name} subgraph ready at ${running.url} (${database.kind})`);
  stopOnSignal({
    name: definition.name,
    server: running.server,
    lifecycle: running.lifecycle,
    graceMs: config.SHUTDOWN_GRACE_MS,
    logger,
    close: async () => {
      await running.release();
      await database.close();
    },
  });
  return running;
}
