import { parseEnv, readSubgraphConfig } from '@vo/kit';
import { z } from 'zod';

/** The cyber subgraph's own settings: the smallest group of companies it publishes figures about. */
const suppressionEnv = z.object({
  CYBER_MIN_GROUP_SIZE: z.coerce.number().int().min(2).max(1000).default(5),
});

export const readSuppressionConfig = (env?: Record<string, string | undefined>) => parseEnv(suppressionEnv, env);

/** The cyber subgraph listens on 4004 unless PORT says otherwise. */
export const loadConfig = (env?: Record<string, string | undefined>) => ({
  ...readSubgraphConfig(4004, env),
  ...readSuppressionConfig(env),
});
