import { registryPublish } from '@vo/kit';
import type { Command } from 'commander';
import { bearerToken, callRegistry, CliExit, hubOptions, hubUrl, readSdl, run, type HubOptions } from '../client.js';
import { changeLines, compositionErrorLines, print, refusal } from '../output.js';

/** `subgraph check`: would this SDL compose, and would it break operations clients ran? Exit 0 pass, 1 fail. */
export function register(subgraph: Command) {
  const command = subgraph
    .command('check')
    .description('Check a subgraph schema against the hub: does it compose, and would its changes break operations clients ran recently?')
    .requiredOption('--name <subgraph>', 'the subgraph to check, e.g. riec')
    .option('--schema <file>', 'the candidate SDL file')
    .option('--url <subgraph url>', 'read the SDL from the running subgraph (_service { sdl }) instead of a file');
  hubOptions(command).action(
    run(async (options: HubOptions & { name: string; schema?: string; url?: string }) => {
      const sdl = await readSdl(options);
      const base = hubUrl(options);
      const token = await bearerToken(options, [registryPublish(options.name)]);
      const path = `/subgraphs/${encodeURIComponent(options.name)}/check`;
      const { status, body } = await callRegistry(base, 'POST', path, token, { sdl, url: options.url });
      if (status !== 200) refusal(options.json, status, body);
      print(options.json, body, (result) => [
        `Check of ${result.subgraph} at ${base}: ${result.result.toUpperCase()}`,
        `  ${result.summary}`,
        ...compositionErrorLines(result.compositionErrors),
        ...changeLines(result.changes),
      ]);
      if (body.result !== 'pass') throw new CliExit(1, '');
    }),
  );
}
