import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { z } from 'zod';
import { openDatabase, type DatabaseHandle } from './db.js';
import { databaseEnv, parseEnv } from './env.js';
import { migrateSubgraph } from './migrate.js';
import { DEVELOPMENT_AUTH, signDevelopmentToken, type AuthConfig } from './auth.js';
import { serveSubgraph, type RunningSubgraph, type SubgraphDefinition } from './service.js';

/**
 * A fresh, empty database on the server named by DATABASE_URL, for a test that hands its URL to
 * another process; `drop` removes it again. Undefined when DATABASE_URL is not set.
 */
export async function createServerTestDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const { DATABASE_URL } = parseEnv(z.object({ DATABASE_URL: databaseEnv.DATABASE_URL }));
  if (!DATABASE_URL) return undefined;
  const name = `vo_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * A throwaway database for one test file: a fresh database on the server when DATABASE_URL is
 * set (dropped again on close), otherwise an in-memory PGlite database.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const server = await createServerTestDatabase();
  if (!server) return openDatabase({});
  const handle = await openDatabase({ url: server.url, poolSize: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await server.drop();
    },
  };
}

/** Migrates and (unless told otherwise) seeds a test database for one subgraph, then serves it on a free port. */
export async function startTestSubgraph<C extends object>(
  definition: SubgraphDefinition<C>,
  options: { seed?: boolean; database?: DatabaseHandle; auth?: AuthConfig } = {},
): Promise<RunningSubgraph & { close(): Promise<void> }> {
  const database = options.database ?? (await openTestDatabase());
  await migrateSubgraph(database, definition.name, definition.migrationsFolder);
  if (options.seed ?? true) await definition.seed(database.db);
  const running = await serveSubgraph(definition, database, { port: 0, auth: options.auth });
  return {
    ...running,
    async close() {
      await running.stop();
      if (!options.database) await database.close();
    },
  };
}

/** Posts a GraphQL request; on an unexpected transport failure the error names the query and body. */
export async function graphql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; data?: T; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...JSON.parse(text) };
  } catch {
    throw new Error(`Non-JSON response ${response.status} for query:\n${query}\n${text.slice(0, 2000)}`);
  }
}

/** Like `graphql`, but fails the test (printing query and body) if the response has errors. */
export async function graphqlOk<T = Record<string, any>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T> {
  const result = await graphql<T>(url, query, variables, headers);
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL errors for query:\n${query}\n${JSON.stringify(result, null, 2).slice(0, 4000)}`);
  }
  return result.data;
}

/** Headers carrying a development token with these roles, as `npm run token` would issue it. */
export async function authHeaders(claims: { scopes: string[]; organisation?: string; expiresIn?: string | number }) {
  return { authorization: `Bearer ${await signDevelopmentToken(DEVELOPMENT_AUTH, claims)}` };
}

/** `graphql` and `graphqlOk` sending a development token with these roles on every request. */
export function withToken(claims: { scopes: string[]; organisation?: string }) {
  const headers = authHeaders(claims);
  return {
    graphql: async <T = Record<string, unknown>>(url: string, query: string, variables?: Record<string, unknown>) =>
      graphql<T>(url, query, variables, await headers),
    graphqlOk: async <T = Record<string, any>>(url: string, query: string, variables?: Record<string, unknown>) =>
      graphqlOk<T>(url, query, variables, await headers),
  };
}
