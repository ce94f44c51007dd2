import { registryPublish } from '@vo/kit';
import type { Command } from 'commander';
import { bearerToken, callRegistry, CliExit, hubOptions, hubUrl, run, type HubOptions } from '../client.js';
import { print, refusal } from '../output.js';

/** `subgraph rollback`: serve an earlier version again; it must still compose. Exit 0 done, 1 refused. */
export function register(subgraph: Command) {
  const command = subgraph
    .command('rollback')
    .description('Serve an earlier version of a subgraph again (see history); it must still compose.')
    .requiredOption('--name <subgraph>', 'the subgraph, e.g. riec')
    .requiredOption('--version <number>', 'the version to go back to');
  hubOptions(command).action(
    run(async (options: HubOptions & { name: string; version: string }) => {
      if (!/^[1-9]\d*$/.test(options.version)) throw new CliExit(2, `--version must be a version number such as 3, not "${options.version}".`);
      const base = hubUrl(options);
      const token = await bearerToken(options, [registryPublish(options.name)]);
      const path = `/subgraphs/${encodeURIComponent(options.name)}/rollback`;
      const { status, body } = await callRegistry(base, 'POST', path, token, { version: Number(options.version) });
      if (status !== 200) refusal(options.json, status, body);
      print(options.json, body, (result) => [
        result.status === 'unchanged'
          ? `${result.subgraph} v${result.version} is already being served.`
          : `Rolled ${result.subgraph} back to v${result.version}; the gateway serves supergraph ${result.supergraph.id}.`,
      ]);
    }),
  );
}
