// Records the subgraph requests the hub's gateway sends for one execution of a workload: a tap in front of each
// subgraph forwards every request and notes its URL, body and when it started and ended. From those times each call
// gets the calls it waited for (every call that had answered before it was sent), which is the query plan's order:
// calls sent together ran in parallel, a call sent after another's answer came in sequence after it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SubgraphUrls } from './hub.js';

export interface RecordedCall {
  subgraph: string;
  url: string;
  body: string;
  /** Indexes of the calls this one was sent after (their answers had arrived). */
  after: number[];
  startedMs: number;
  endedMs: number;
}

interface Tap {
  urls: SubgraphUrls;
  calls: Omit<RecordedCall, 'after'>[];
  close(): Promise<void>;
}

const readBody = (request: NodeJS.ReadableStream) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

function tapServer(subgraph: string, target: string, calls: Tap['calls']): Promise<Server> {
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const startedMs = performance.now();
    const forwarded = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(request.headers.authorization ? { authorization: request.headers.authorization } : {}) },
      body,
    });
    const answer = Buffer.from(await forwarded.arrayBuffer());
    calls.push({ subgraph, url: target, body, startedMs, endedMs: performance.now() });
    response.writeHead(forwarded.status, { 'content-type': forwarded.headers.get('content-type') ?? 'application/json' });
    response.end(answer);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Starts a tap in front of each subgraph; point a gateway at `tap.urls` to record what it sends. */
export async function startTaps(urls: SubgraphUrls): Promise<Tap> {
  const calls: Tap['calls'] = [];
  const servers = await Promise.all(Object.entries(urls).map(([name, url]) => tapServer(name, url, calls)));
  const names = Object.keys(urls);
  const tapUrls = Object.fromEntries(servers.map((s, i) => [names[i], `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`])) as SubgraphUrls;
  return { urls: tapUrls, calls, close: async () => void (await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))) };
}

type Call = Tap['calls'][number];

/** Orders one execution's calls by start, each with the calls that had ended before it started. */
function observedOrder(calls: Call[]): RecordedCall[] {
  const sorted = [...calls].sort((a, b) => a.startedMs - b.startedMs);
  return sorted.map((call) => ({ ...call, after: sorted.flatMap((other, i) => (other.endedMs <= call.startedMs ? [i] : [])) }));
}

/** A call's identity across executions: its subgraph and body, numbered when the same call is sent twice. */
function keys(calls: RecordedCall[]): string[] {
  const seen = new Map<string, number>();
  return calls.map((call) => {
    const key = `${call.subgraph}\n${call.body}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    return `${key}\n${seen.get(key)}`;
  });
}

/**
 * The plan's order from several executions of the same operation: a call waits for another only if it did so in
 * every execution, since a fast answer can end before a parallel sibling starts once, but a real dependency always
 * holds. Returns the last execution's calls.
 */
export function planOrder(executions: Call[][]): RecordedCall[] {
  const observed = executions.map(observedOrder);
  const last = observed.at(-1)!;
  const lastKeys = keys(last);
  const waits = observed.map((calls) => {
    const callKeys = keys(calls);
    return new Map(calls.map((call, i) => [callKeys[i]!, new Set(call.after.map((j) => callKeys[j]!))]));
  });
  return last.map((call, i) => ({
    ...call,
    after: call.after.filter((j) => waits.every((wait) => wait.get(lastKeys[i]!)?.has(lastKeys[j]!))),
  }));
}

/** The plan's stages for the report: a call's stage is one past the latest stage it waited for, e.g. "1 kvo ; 30 regions + 10 funding". */
export function describePlan(calls: RecordedCall[]): string {
  const stage: number[] = [];
  calls.forEach((call, i) => (stage[i] = Math.max(-1, ...call.after.map((j) => stage[j]!)) + 1));
  const stages: Map<string, number>[] = [];
  calls.forEach((call, i) => {
    const counts = (stages[stage[i]!] ??= new Map());
    counts.set(call.subgraph, (counts.get(call.subgraph) ?? 0) + 1);
  });
  return stages.map((counts) => [...counts].map(([name, n]) => `${n} ${name}`).join(' + ')).join(' ; ');
}
