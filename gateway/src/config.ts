import { authConfigFrom, authEnv, checkAuthEnv, logEnv, parseEnv, port, shutdownEnv, type AuthConfig } from '@vo/kit';
import { z } from 'zod';
import { limitsEnv, limitsFrom } from './limits-env.js';
import { tracingEnv } from './observability/index.js';
import type { OperationLimits } from './limits.js';
import { registryEnv, registrySettingsFrom, type RegistrySettings } from './registry/env.js';
import { resilienceEnv, resilienceSettingsFrom, type ResilienceSettings } from './resilience/index.js';

const SUBGRAPH_URL = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;

const schema = z.object({
  PORT: port(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  SUBGRAPH_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
  /** The response cache's bound in MiB; 0 turns it off. */
  RESPONSE_CACHE_MB: z.coerce.number().min(0).max(65_536).default(64),
  ...authEnv,
  ...limitsEnv,
  ...registryEnv,
  ...resilienceEnv,
  ...logEnv,
  ...tracingEnv,
  ...shutdownEnv,
}).superRefine(checkAuthEnv);

export type GatewayConfig = z.infer<typeof schema> & {
  /** Routing URLs that override the supergraph's, from SUBGRAPH_<NAME>_URL variables. */
  subgraphUrls: Record<string, string>;
  auth: AuthConfig;
  limits: OperationLimits;
  registry: RegistrySettings;
  /** Subgraph timeouts (SUBGRAPH_TIMEOUT_MS, SUBGRAPH_<NAME>_TIMEOUT_MS), query retries and circuit breakers. */
  resilience: ResilienceSettings;
};

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const urlEnv = Object.fromEntries(Object.entries(env).filter(([key]) => SUBGRAPH_URL.test(key)));
  const urls = parseEnv(z.record(z.string(), z.url()), urlEnv);
  const subgraphUrls = Object.fromEntries(
    Object.entries(urls).map(([key, url]) => [SUBGRAPH_URL.exec(key)![1].toLowerCase().replace(/_/g, '-'), url]),
  );
  const config = parseEnv(schema, env);
  return {
    ...config,
    subgraphUrls,
    auth: authConfigFrom(config),
    limits: limitsFrom(config),
    registry: registrySettingsFrom(config),
    resilience: resilienceSettingsFrom(config, env),
  };
}
