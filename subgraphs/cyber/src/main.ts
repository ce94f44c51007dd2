import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { createCyberSubgraph } from './subgraph.js';

const config = loadConfigOrExit(() => loadConfig());
await runSubgraph(createCyberSubgraph({ minGroupSize: config.CYBER_MIN_GROUP_SIZE }), config);
