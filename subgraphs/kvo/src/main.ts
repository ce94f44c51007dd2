import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { kvoSubgraph } from './subgraph.js';

await runSubgraph(kvoSubgraph, loadConfigOrExit(() => loadConfig()));
