import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase, type DatabaseHandle, type Db } from './db.js';
import type { Policies } from './access.js';
import { authConfigFrom, authEnv, checkAuthEnv, DEVELOPMENT_AUTH, type AuthConfig } from './auth.js';
import { databaseEnv, parseEnv, port } from './env.js';
import type { Viewer } from './roles.js';
import { migrateSubgraph } from './migrate.js';
import { runImport } from './import/run.js';
import type { ImportSpec } from './import/spec.js';
import { closeServer, createSubgraphApp, listen } from './server.js';

/** Everything the kit needs to run one subgraph: each subgraph exports one of these. */
export interface SubgraphDefinition<C extends object> {
  /** The service name, also its Postgres schema and its name in the supergraph. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  migrationsFolder: string;
  /** Prepares the subgraph's statements once; the returned function builds each request's context. */
  createContext(db: Db): (viewer: Viewer) => C;
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
    ...authEnv,
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
  stop(): Promise<void>;
}

/** Serves a subgraph over an already prepared database; used by `main.ts` and by the tests. */
export async function serveSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  database: DatabaseHandle,
  options: { port: number; host?: string; auth?: AuthConfig },
): Promise<RunningSubgraph> {
  const { app, apollo } = await createSubgraphApp({
    name: definition.name,
    typeDefs: definition.typeDefs,
    resolvers: definition.resolvers,
    context: definition.createContext(database.db),
    auth: options.auth ?? DEVELOPMENT_AUTH,
    policies: definition.policies,
    imports: definition.importSpec && ((upload) => runImport({ db: database.db, spec: definition.importSpec!, ...upload })),
  });
  const { server, url } = await listen(app, options.port, options.host);
  return {
    url: `${url}/graphql`,
    database,
    async stop() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

/** The whole life of a standalone subgraph process: config, database, listen, stop on a signal. */
export async function runSubgraph<C extends object>(definition: SubgraphDefinition<C>, config: SubgraphConfig) {
  const database = await prepareDatabase(definition, config, config.SEED_ON_START);
  const running = await serveSubgraph(definition, database, { port: config.PORT, host: config.HOST, auth: config.auth });
  console.log(`${definition.name} subgraph ready at ${running.url} (${database.kind})`);
  const shutdown = async () => {
    await running.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  return running;
}
