// `npm run hub -- <command>`: the partner command line. Each command registers itself from its own file in
// scripts/hub/commands/ (new: scaffold a subgraph; check, publish, list, history and rollback: the registry).
import { Command } from 'commander';
import { register as registerCheckCommand } from './hub/commands/check.js';
import { register as registerHistoryCommand } from './hub/commands/history.js';
import { register as registerListCommand } from './hub/commands/list.js';
import { register as registerNewCommand } from './hub/commands/new.js';
import { register as registerPublishCommand } from './hub/commands/publish.js';
import { register as registerRollbackCommand } from './hub/commands/rollback.js';

const program = new Command('hub')
  .description('Create, check and publish the partner subgraphs of the Veilig Ondernemen hub.')
  // Usage errors (a missing option, an unknown command) exit 2, "could not run", like every hub command's bad input.
  .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2));

const subgraph = program.command('subgraph').description('Partner subgraphs: new, check, publish, list, history, rollback.');
registerNewCommand(subgraph);
registerCheckCommand(subgraph);
registerPublishCommand(subgraph);
registerListCommand(subgraph);
registerHistoryCommand(subgraph);
registerRollbackCommand(subgraph);

await program.parseAsync();
