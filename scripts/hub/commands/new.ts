// `npm run hub -- subgraph new <name> --owner "<organisation>"`: a working subgraph from templates/subgraph,
// registered as a workspace and installed, so `npm ci` stays clean and its own tests pass with no edits.
import type { Command } from 'commander';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addWorkspace,
  existingSubgraphs,
  freePort,
  nameProblem,
  ownerProblem,
  placeholders,
  ScaffoldInputError,
  writeSubgraph,
} from '../scaffold.js';

const HUB_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface NewOptions {
  owner: string;
  root?: string;
  install: boolean;
}

/** Runs `npm install` so package-lock.json and node_modules learn the new workspace; false when it failed. */
function npmInstall(root: string): boolean {
  // npm is a .cmd script on Windows, which only a shell can start.
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

function nextSteps(name: string, port: string, installed: boolean): string {
  const steps: [string, string][] = [
    ...(installed ? [] : [['npm install', 'records the new workspace in package-lock.json (needed before npm ci)'] as [string, string]]),
    [`npm run start -w subgraphs/${name}`, `runs it alone on http://localhost:${port}/graphql`],
    [`npm test -w subgraphs/${name}`, 'runs its own tests: federation contract, access directive, seed'],
    [`npm run db:generate -w subgraphs/${name}`, 'writes a migration after you change src/db/schema.ts'],
    [`npm run hub -- subgraph check --name ${name} --schema subgraphs/${name}/src/schema.graphql`, ''],
    [`npm run hub -- subgraph publish --name ${name} --schema subgraphs/${name}/src/schema.graphql --url <routing url>`, ''],
  ];
  const width = Math.max(...steps.filter(([, why]) => why).map(([command]) => command.length));
  const lines = steps.map(([command, why]) => (why ? `  ${command.padEnd(width)}  ${why}` : `  ${command}`));
  return [...lines, '  docs/partner-guide.md walks through each step.'].join('\n');
}

/** Creates the subgraph; bad input throws ScaffoldInputError before anything is written. */
export function createSubgraph(name: string, options: NewOptions): void {
  const root = resolve(options.root ?? HUB_ROOT);
  if (!existsSync(join(root, 'package.json'))) throw new ScaffoldInputError(`${root} is not the hub's folder: it has no package.json.`);
  const problem = nameProblem(name, existingSubgraphs(root)) ?? ownerProblem(options.owner);
  if (problem) throw new ScaffoldInputError(problem);

  const values = placeholders(name, options.owner.trim(), freePort(root));
  const lockPath = join(root, 'package-lock.json');
  const lock = existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : undefined;
  const files = writeSubgraph(root, values);
  let undoWorkspace: () => void;
  try {
    undoWorkspace = addWorkspace(root, name);
  } catch (error) {
    rmSync(join(root, 'subgraphs', name), { recursive: true, force: true });
    throw error;
  }
  console.log(`Created subgraphs/${name} for ${values.owner} (default port ${values.port}, Postgres schema "${name}"):`);
  for (const file of files) console.log(`  ${file}`);
  console.log(`Added subgraphs/${name} to the workspaces in package.json.`);

  if (options.install && !npmInstall(root)) {
    undoWorkspace();
    if (lock !== undefined) writeFileSync(lockPath, lock);
    rmSync(join(root, 'subgraphs', name), { recursive: true, force: true });
    console.error(`npm install failed (see above); subgraphs/${name} and the workspace entry were removed again. Fix the cause and rerun.`);
    process.exit(1);
  }
  console.log(`\nNext:\n${nextSteps(name, values.port, options.install)}`);
}

/** Registers `subgraph new` on the hub's `subgraph` command (scripts/hub.ts calls each command file's register). */
export function register(subgraph: Command): void {
  subgraph
    .command('new')
    .description('Create a working subgraph from templates/subgraph: SDL, resolvers, loaders, drizzle schema and migration, config, seed and tests.')
    .argument('<name>', 'lowercase name, [a-z][a-z0-9-]*: the folder, the npm workspace, the Postgres schema and the name in the supergraph')
    .requiredOption('--owner <organisation>', 'the organisation that owns and runs the subgraph, for example "RIEC"')
    .option('--root <dir>', "the hub's folder to create it in (default: this checkout)")
    .option('--no-install', 'only add the workspace to package.json; run npm install yourself')
    .action((name: string, options: NewOptions) => {
      try {
        createSubgraph(name, options);
      } catch (error) {
        if (!(error instanceof ScaffoldInputError)) throw error;
        console.error(`hub subgraph new: ${error.message}`);
        process.exit(2);
      }
    });
}
