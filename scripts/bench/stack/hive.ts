// Hive Gateway (@graphql-hive/gateway) over the same committed supergraph and the same subgraph processes as the
// hub's gateway: the comparison the performance issue asks for.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubgraphUrls } from './hub.js';
import { ROOT, startProcess } from './processes.js';

const BIN = join(ROOT, 'node_modules/@graphql-hive/gateway/dist/bin.js');

/**
 * Its config file: the subgraph URLs overridden (the supergraph's routing URLs are npm start's ports), and the
 * caller's Authorization header forwarded to every subgraph, as the hub's gateway forwards it, so both see the same
 * data. Everything else is Hive Gateway's default. Written to the run folder, with the URLs in it.
 */
function writeConfig(folder: string, urls: SubgraphUrls): string {
  const entries = Object.fromEntries(Object.entries(urls).map(([name, location]) => [name, { location }]));
  const path = join(folder, 'gateway.config.mjs');
  writeFileSync(
    path,
    `export const gatewayConfig = {
  transportEntries: ${JSON.stringify(entries)},
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => {
      const authorization = request.headers.get('authorization');
      return authorization ? { authorization } : {};
    },
  },
};
`,
  );
  return path;
}

/** Starts `hive-gateway supergraph schema/supergraph.graphql` as one process (no forked workers) on `port`. */
export async function startHiveGateway(options: { port: number; urls: SubgraphUrls; logDir: string }) {
  const config = writeConfig(options.logDir, options.urls);
  const args = [BIN, 'supergraph', join(ROOT, 'schema/supergraph.graphql'), '--config-path', config, '--host', '127.0.0.1', '--port', String(options.port), '--fork', '1'];
  const gateway = await startProcess('hive', args, { NODE_ENV: 'development' }, /Listening on|Serving|started on/i, options.logDir);
  return { ...gateway, url: `http://127.0.0.1:${options.port}/graphql` };
}
