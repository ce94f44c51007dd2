import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { cyberSubgraph } from './subgraph.js';

await runSubgraph(cyberSubgraph, loadConfigOrExit(() => loadConfig()));
