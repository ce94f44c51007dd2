import { readSubgraphConfig } from '@vo/kit';

/**
 * The riec subgraph's environment, validated once with zod (DATABASE_URL, DATA_DIR, PORT, HOST,
 * SEED_ON_START, AUTH_*). It listens on 4005 unless PORT says otherwise. A setting of its own is a zod
 * object parsed with the kit's parseEnv next to this one, as subgraphs/cyber/src/config.ts does.
 */
export const loadConfig = (env?: Record<string, string | undefined>) => readSubgraphConfig(4005, env);
