import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { regionsSubgraph } from './subgraph.js';

await runSubgraph(regionsSubgraph, loadConfigOrExit(() => loadConfig()));
