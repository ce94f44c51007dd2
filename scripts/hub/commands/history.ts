import type { Command } from 'commander';
import { bearerToken, callRegistry, hubOptions, hubUrl, run, type HubOptions } from '../client.js';
import { print, refusal, when } from '../output.js';

/** `subgraph history`: every version of one subgraph, newest first. */
export function register(subgraph: Command) {
  const command = subgraph
    .command('history')
    .description('List every published version of a subgraph, newest first; * marks the one being served.')
    .requiredOption('--name <subgraph>', 'the subgraph, e.g. riec');
  hubOptions(command).action(
    run(async (options: HubOptions & { name: string }) => {
      const base = hubUrl(options);
      const path = `/subgraphs/${encodeURIComponent(options.name)}/history`;
      const { status, body } = await callRegistry(base, 'GET', path, await bearerToken(options, []));
      if (status !== 200) refusal(options.json, status, body);
      print(options.json, body, ({ subgraph: name, versions }) => [
        `${name}:`,
        ...versions.map((v: any) => {
          const version = `v${String(v.version).padEnd(4)} ${v.sdlHash.slice(0, 12)}`;
          return `${v.active ? '*' : ' '} ${version}  ${v.routingUrl.padEnd(34)} ${v.author}, ${when(v.publishedAt)}`;
        }),
      ]);
    }),
  );
}
