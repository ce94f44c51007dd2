// Issue 8: identical subgraph reads in flight are asked once, and only by requests that began before the read did,
// so sharing never hides a committed write. A real node:http server stands in for the subgraph: it counts the
// requests it gets and answers when the test lets it.
import { closeServer, listen } from '@vo/kit';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asCall, requestStarted, sharedReads } from '../src/in-flight.js';

let answer = 'before';
let held: (() => void)[] = [];
const received: string[] = [];

function subgraph(req: IncomingMessage, res: ServerResponse) {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    received.push(body);
    const reply = JSON.stringify({ data: { value: answer, auth: req.headers.authorization ?? null } });
    held.push(() => res.writeHead(200, { 'content-type': 'application/json' }).end(reply));
  });
}

const agent = new Agent();
const fetcher = sharedReads(((url: string, init?: object) => undiciFetch(url, { ...init, dispatcher: agent })) as unknown as Fetcher);
let server: Awaited<ReturnType<typeof listen>>['server'];
let url: string;

beforeAll(async () => {
  ({ server, url } = await listen(subgraph, 0));
});
afterAll(async () => {
  await closeServer(server);
  await agent.close();
});
afterEach(() => {
  for (const answerHeld of held.splice(0)) answerHeld();
  received.length = 0;
  answer = 'before';
});

const READ = '{"query":"{ value }"}';
const post = (body: string, authorization = 'Bearer a') => ({ method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });

/** One gateway request's subgraph call, as SubgraphDataSource makes it. */
async function call(since: number, read: boolean, body = READ, authorization?: string) {
  const response = await asCall({ since, read }, () => fetcher(url, post(body, authorization)));
  return (await response.json()) as { data: { value: string; auth: string } };
}

/** Answers every request the subgraph holds once `count` have arrived. */
async function release(count: number) {
  await expect.poll(() => held.length).toBe(count);
  for (const answerHeld of held.splice(0)) answerHeld();
}

describe('shared subgraph reads', () => {
  it('asks the subgraph once for identical reads of requests that began before it, each caller parsing its own copy', async () => {
    const starts = Array.from({ length: 8 }, () => requestStarted());
    const answers = starts.map((since) => call(since, true));
    await release(1);
    const parsed = await Promise.all(answers);
    expect(received).toEqual([READ]);
    expect(parsed.every((one) => one.data.value === 'before')).toBe(true);
    parsed[0].data.value = 'changed by one caller';
    expect(parsed[1].data.value).toBe('before');
  });

  it('does not share a read with a request that began after it: a write committed in between is seen', async () => {
    const first = call(requestStarted(), true);
    await expect.poll(() => held.length).toBe(1);
    answer = 'after';
    const second = call(requestStarted(), true);
    await release(2);
    expect((await first).data.value).toBe('before');
    expect((await second).data.value).toBe('after');
  });

  it('never shares across tokens, bodies or mutations', async () => {
    const since = requestStarted();
    const answers = [
      call(since, true, READ, 'Bearer a'),
      call(since, true, READ, 'Bearer b'),
      call(since, true, '{"query":"{ other }"}'),
      call(since, false, '{"query":"mutation { m }"}'),
      call(since, false, '{"query":"mutation { m }"}'),
    ];
    await release(5);
    const [a, b] = await Promise.all(answers);
    expect(received).toHaveLength(5);
    expect([a.data.auth, b.data.auth]).toEqual(['Bearer a', 'Bearer b']);
  });

  it('starts afresh once a shared read has answered', async () => {
    const first = call(requestStarted(), true);
    await release(1);
    await first;
    const second = call(requestStarted(), true);
    await release(1);
    await second;
    expect(received).toHaveLength(2);
  });
});
