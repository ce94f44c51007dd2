import { registryPublish } from '@vo/kit';
import type { Command } from 'commander';
import { bearerToken, callRegistry, hubOptions, hubUrl, readSdl, run, type HubOptions } from '../client.js';
import { changeLines, print, refusal } from '../output.js';

/** `subgraph publish`: store a version and switch the running gateway to it. Exit 0 published, 1 refused. */
export function register(subgraph: Command) {
  const command = subgraph
    .command('publish')
    .description('Publish a subgraph schema: the hub stores the version, recomposes and switches the gateway without a restart.')
    .requiredOption('--name <subgraph>', 'the subgraph to publish, e.g. riec')
    .requiredOption('--url <routing url>', 'where the gateway reaches the subgraph, e.g. https://riec.example.nl/graphql')
    .option('--schema <file>', 'the SDL file (default: read it from the subgraph at --url)');
  hubOptions(command).action(
    run(async (options: HubOptions & { name: string; schema?: string; url: string }) => {
      const sdl = await readSdl(options);
      const base = hubUrl(options);
      const token = await bearerToken(options, [registryPublish(options.name)]);
      const path = `/subgraphs/${encodeURIComponent(options.name)}/publish`;
      const { status, body } = await callRegistry(base, 'POST', path, token, { sdl, url: options.url });
      if (status !== 200) refusal(options.json, status, body);
      print(options.json, body, (result) => [
        result.status === 'unchanged'
          ? `${result.subgraph} v${result.version} is already served with this SDL and URL: nothing to publish.`
          : `Published ${result.subgraph} v${result.version} (sha256 ${result.hash.slice(0, 12)}); ` +
            `the gateway serves supergraph ${result.supergraph.id}.`,
        ...changeLines(result.changes ?? []),
      ]);
    }),
  );
}
