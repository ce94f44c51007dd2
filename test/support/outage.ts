import { closeServer, serveSubgraph } from '@vo/kit';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadDefinition } from '../../scripts/services.js';
import type { Hub, SubgraphName } from './hub.js';

/** What a stand-in subgraph does with each request: never answer, answer 503, drop the connection, or pass it on. */
export type StandInMode = 'hang' | 'unavailable' | 'drop' | { forwardTo: string };

/**
 * A real HTTP server in a subgraph's place that counts the requests reaching it: the structural measure of
 * what a hanging, failing or recovering subgraph costs the gateway.
 */
export async function startStandIn(initial: StandInMode) {
  let mode = initial;
  let calls = 0;
  const server = createServer((request, response) => {
    calls++;
    if (mode === 'hang') return;
    if (mode === 'drop') return void request.socket.destroy();
    if (mode === 'unavailable') return void response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    void forward(request, response, mode.forwardTo);
  });
  const url = await listenOnLoopback(server);
  return {
    url,
    calls: () => calls,
    setMode(next: StandInMode) {
      mode = next;
    },
    close: () => closeServer(server),
  };
}

async function forward(request: IncomingMessage, response: ServerResponse, target: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (request.headers.authorization) headers.authorization = request.headers.authorization;
  const answer = await fetch(target, { method: 'POST', headers, body: Buffer.concat(chunks) });
  response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
  response.end(Buffer.from(await answer.arrayBuffer()));
}

function listenOnLoopback(server: Server, port = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
  });
}

/** A loopback address nothing listens on (yet): a subgraph that is down. */
export async function downAddress(): Promise<string> {
  const server = createServer();
  const url = await listenOnLoopback(server);
  await closeServer(server);
  return url;
}

/** Stops one of the hub's subgraphs as a crash would (open connections cut); `restart` serves it again on the same port. */
export async function crashSubgraph(hub: Hub, name: SubgraphName) {
  const crashed = hub.subgraphs[name];
  await crashed.stop();
  return {
    async restart() {
      const running = await serveSubgraph(await loadDefinition(name), crashed.database, { port: Number(new URL(crashed.url).port) });
      // The hub closes what runs now, and the database the crashed one used.
      hub.subgraphs[name] = { ...running, close: async () => (await running.stop(), await crashed.database.close()) };
    },
  };
}
