// Two of the benchmark's targets, each a minimal node:http server in a process of its own:
//   node --import tsx scripts/bench/stack/replay-server.ts direct <recordings.json> <port>
//     "direct": per request, the subgraph calls the hub's gateway made for that workload, sent in the plan's order
//     (a call waits for the calls it was recorded after), then the gateway's answer: the work without the gateway.
//   ... bare <recordings.json> <port>
//     "bare": the same answer bytes at once: the ceiling of node:http on this machine.
// POST /<workload> picks the workload; the caller's Authorization header goes to the subgraphs, as a gateway sends it.
import { readFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { RecordedCall } from './record.js';

export interface Recording {
  calls: RecordedCall[];
  /** The hub gateway's answer, byte for byte. */
  answer: string;
}

const [mode, file, port] = process.argv.slice(2);
const recordings = JSON.parse(readFileSync(file!, 'utf8')) as Record<string, Recording>;
const answers = new Map(Object.entries(recordings).map(([name, r]) => [`/${name}`, Buffer.from(r.answer)]));
// The hub gateway's pool: keep-alive, 64 sockets per subgraph (SUBGRAPH_MAX_SOCKETS).
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function send(call: RecordedCall, authorization: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(call.body), ...(authorization ? { authorization } : {}) };
    const outgoing = httpRequest(call.url, { method: 'POST', headers, agent }, (answer) => {
      answer.resume();
      answer.on('end', () => (answer.statusCode === 200 ? resolve() : reject(new Error(`${call.subgraph} answered ${answer.statusCode}`))));
    });
    outgoing.on('error', reject);
    outgoing.end(call.body);
  });
}

/** Sends every call once the calls it waited for have answered: parallel where the gateway was parallel. */
async function replay(calls: RecordedCall[], authorization: string | undefined) {
  const done: Promise<void>[] = [];
  for (const call of calls) done.push(Promise.all(call.after.map((i) => done[i])).then(() => send(call, authorization)));
  await Promise.all(done);
}

const drain = (request: IncomingMessage) => new Promise<void>((resolve) => request.resume().on('end', resolve));

createServer(async (request, response) => {
  await drain(request);
  const answer = answers.get(request.url ?? '');
  if (!answer) return response.writeHead(404).end();
  try {
    if (mode === 'direct') await replay(recordings[request.url!.slice(1)]!.calls, request.headers.authorization);
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length }).end(answer);
  } catch (error) {
    response.writeHead(502).end(String(error));
  }
}).listen(Number(port), '127.0.0.1', () => console.log(`${mode} server ready on ${port}`));
