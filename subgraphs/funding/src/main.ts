import { loadConfigOrExit, runSubgraph } from '@vo/kit';
import { loadConfig } from './config.js';
import { fundingSubgraph } from './subgraph.js';

await runSubgraph(fundingSubgraph, loadConfigOrExit(() => loadConfig()));
