import { readSubgraphConfig } from '@vo/kit';

/** The cyber subgraph listens on 4004 unless PORT says otherwise. */
export const loadConfig = (env?: Record<string, string | undefined>) => readSubgraphConfig(4004, env);
