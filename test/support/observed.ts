import { createGateway } from '@vo/gateway';
import { closeServer, createLogger, listen, migrateSubgraph, serveSubgraph, type DestinationStream } from '@vo/kit';
import { openTestDatabase } from '@vo/kit/testing';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadDefinition } from '../../scripts/services.js';
import { SUPERGRAPH_PATH, type SubgraphName } from './hub.js';

/** A pino destination that keeps every JSON line a logger writes, parsed. */
export function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination: DestinationStream = { write: (line: string) => void lines.push(JSON.parse(line)) };
  return { lines, destination };
}

/** A seeded subgraph on its own test database whose logger writes (at info) into a captured log. */
export async function startObservedSubgraph(name: SubgraphName) {
  const definition = await loadDefinition(name);
  const database = await openTestDatabase();
  await migrateSubgraph(database, definition.name, definition.migrationsFolder);
  await definition.seed(database.db);
  const log = captureLog();
  const running = await serveSubgraph(definition, database, { port: 0, logger: createLogger(name, { level: 'info', destination: log.destination }) });
  return {
    ...running,
    log: log.lines,
    async close() {
      await running.stop();
      await database.close();
    },
  };
}

/** A real HTTP hop in front of a subgraph that passes every request on as it came and keeps its headers. */
export async function startHeaderRecorder(target: string) {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer(async (request, response) => {
    seen.push(request.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const headers = Object.entries(request.headers).filter(([key]) => !['host', 'connection', 'content-length'].includes(key));
    const answer = await fetch(target, { method: 'POST', headers: headers as [string, string][], body: Buffer.concat(chunks) });
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, seen, close: () => closeServer(server) };
}

/** A stand-in OpenTelemetry collector: keeps the path and body of every OTLP/HTTP export it receives. */
export async function startCollector() {
  const paths: string[] = [];
  const received: string[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    paths.push(request.url ?? '');
    received.push(Buffer.concat(chunks).toString('utf8'));
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths, received, close: () => closeServer(server) };
}

/** The real gateway over these subgraph URLs (the committed supergraph), logging into a captured log. */
export async function startObservedGateway(subgraphUrls: Record<string, string>) {
  const log = captureLog();
  const gateway = await createGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls,
    logger: createLogger('gateway', { level: 'info', destination: log.destination }),
  });
  const { server, url } = await listen(gateway.app, 0);
  return {
    url: `${url}/graphql`,
    baseUrl: url,
    log: log.lines,
    async close() {
      await closeServer(server);
      await gateway.stop();
    },
  };
}
