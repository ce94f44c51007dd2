import { databaseEnv, optionalString } from '@vo/kit';
import { join } from 'node:path';
import { z } from 'zod';

const seconds = (fallback: number, min: number) => z.coerce.number().min(min).max(86_400).default(fallback);

/** The gateway's environment for the schema registry; config.ts spreads it into its schema. */
export const registryEnv = {
  ...databaseEnv,
  /** The committed set the registry starts from. */
  REGISTRY_SEED_PATH: z.string().default('schema/supergraph.yaml'),
  REGISTRY_LAST_GOOD_PATH: optionalString,
  /** Only with DATABASE_URL: how often a replica looks for a supergraph another one activated (0: never). */
  REGISTRY_POLL_SECONDS: seconds(5, 0),
  USAGE_WINDOW_DAYS: z.coerce.number().int().min(1).max(366).default(30),
  USAGE_FLUSH_SECONDS: seconds(10, 1),
};

type RegistryEnv = z.infer<z.ZodObject<typeof registryEnv>>;

export interface RegistrySettings {
  /** A PostgreSQL server (schema "registry"); without it an embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  seedConfigPath: string;
  lastGoodPath: string;
  pollMs: number;
  usageWindowDays: number;
  usageFlushMs: number;
}

export function registrySettingsFrom(env: RegistryEnv): RegistrySettings {
  return {
    databaseUrl: env.DATABASE_URL,
    dataDir: join(env.DATA_DIR, 'registry'),
    seedConfigPath: env.REGISTRY_SEED_PATH,
    lastGoodPath: env.REGISTRY_LAST_GOOD_PATH ?? join(env.DATA_DIR, 'supergraph.last-good.graphql'),
    // One PGlite database belongs to one process, so only replicas sharing a server have anything to poll.
    pollMs: env.DATABASE_URL ? env.REGISTRY_POLL_SECONDS * 1000 : 0,
    usageWindowDays: env.USAGE_WINDOW_DAYS,
    usageFlushMs: env.USAGE_FLUSH_SECONDS * 1000,
  };
}
