import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { riecSubgraph } from './subgraph.js';

await runSubgraph(riecSubgraph, loadConfigOrExit(() => loadConfig()));
