import { readSubgraphConfig } from '@vo/kit';

/** The regions subgraph listens on 4001 unless PORT says otherwise. */
export const loadConfig = (env?: Record<string, string | undefined>) => readSubgraphConfig(4001, env);
