import { readSubgraphConfig } from '@vo/kit';

/** The KVO subgraph listens on 4002 unless PORT says otherwise. */
export const loadConfig = (env?: Record<string, string | undefined>) => readSubgraphConfig(4002, env);
