import type { Command } from 'commander';
import { bearerToken, callRegistry, hubOptions, hubUrl, run, type HubOptions } from '../client.js';
import { print, refusal, when } from '../output.js';

/** `subgraph list`: the subgraphs the gateway serves, with their versions. */
export function register(subgraph: Command) {
  const command = subgraph.command('list').description('List the subgraphs the hub serves, with the version of each.');
  hubOptions(command).action(
    run(async (options: HubOptions) => {
      const base = hubUrl(options);
      const { status, body } = await callRegistry(base, 'GET', '/subgraphs', await bearerToken(options, []));
      if (status !== 200) refusal(options.json, status, body);
      print(options.json, body, ({ supergraph, subgraphs }) => [
        `Supergraph ${supergraph.id} (${supergraph.reason}, ${when(supergraph.composedAt)})`,
        ...subgraphs.map(
          (s: any) => `  ${s.subgraph.padEnd(12)} v${String(s.version).padEnd(4)} ${s.routingUrl.padEnd(34)} ${s.author}, ${when(s.publishedAt)}`,
        ),
      ]);
    }),
  );
}
