import { readSubgraphConfig } from '@vo/kit';

/** The funding subgraph listens on 4003 unless PORT says otherwise. */
export const loadConfig = (env?: Record<string, string | undefined>) => readSubgraphConfig(4003, env);
