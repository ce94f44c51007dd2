// Graceful shutdown of a real subgraph process: SIGTERM while a request is in flight. The request is held open
// honestly, by its body: the client sends the headers, waits for the server's "100 Continue" (proof the request has
// reached the handler), and only sends the body once the process has said it is stopping.
import { createServerTestDatabase } from '@vo/kit/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type ClientRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GATEWAY, SUBGRAPHS } from '../scripts/services.js';
import { downAddress } from './support/outage.js';
import { startServiceProcess } from './support/service-process.js';

const REGIONS = SUBGRAPHS.find((s) => s.name === 'regions')!;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A service process on a throwaway database (a fresh one on the server when DATABASE_URL is set). */
async function startService(main: string, env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'vo-shutdown-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await createServerTestDatabase();
  if (server) cleanups.push(() => server.drop());
  const started = await startServiceProcess(main, { DATA_DIR: dataDir, ...env, ...(server ? { DATABASE_URL: server.url } : {}) });
  cleanups.push(() => void started.child.kill('SIGKILL'));
  return started;
}

const startRegions = (graceMs: number) => startService(REGIONS.main, { SEED_ON_START: 'false', SHUTDOWN_GRACE_MS: String(graceMs) });

interface Answer {
  status: number;
  body: string;
}

/** A GraphQL POST whose headers the server has accepted; its body goes out, chunk by chunk, when `send` is called. */
function openRequest(url: string, body: string): Promise<{ send(): Promise<Answer>; answer: Promise<Answer>; client: ClientRequest }> {
  const bytes = Buffer.from(body);
  const headers = { 'content-type': 'application/json', 'content-length': String(bytes.length), expect: '100-continue' };
  const client = request(url, { method: 'POST', headers, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    client.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    client.on('error', reject);
  });
  answer.catch(() => {});
  client.flushHeaders();
  const send = async () => {
    for (let at = 0; at < bytes.length; at += 8) {
      // A connection cut under the request fails the answer; the write would wait forever.
      await Promise.race([new Promise<void>((resolve) => client.write(bytes.subarray(at, at + 8), () => resolve())), answer]);
    }
    client.end();
    return answer;
  };
  return new Promise((resolve, reject) => {
    client.once('continue', () => resolve({ send, answer, client }));
    answer.catch(reject);
  });
}

describe('a subgraph process on SIGTERM', () => {
  it('stops accepting connections, finishes the request in flight with 200, closes its database and exits 0', async () => {
    const service = await startRegions(60_000);
    const inFlight = await openRequest(service.url, JSON.stringify({ query: '{ _service { sdl } }' }));

    service.child.kill('SIGTERM');
    await service.waitFor(/regions stopping: no new connections/);
    await expect(fetch(service.url.replace('/graphql', '/health'))).rejects.toThrow();

    const answer = await inFlight.send();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data._service.sdl).toContain('type Region');
    expect(await service.exited).toBe(0);
    expect(service.output.some((line) => line.includes('"msg":"regions stopped"'))).toBe(true);
  });

  it('cuts a request still open after SHUTDOWN_GRACE_MS, says so, and exits 1', async () => {
    const service = await startRegions(200);
    const stuck = await openRequest(service.url, JSON.stringify({ query: '{ _service { sdl } }' }));

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(1);
    await expect(stuck.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(service.output.some((line) => line.includes('regions: cut 1 connection(s) still open after 200 ms'))).toBe(true);
  });
});

describe('the gateway process on SIGTERM', () => {
  it('is ready with every subgraph down, then finishes the request in flight, closes the registry and exits 0', async () => {
    const down = await downAddress();
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_${s.name.toUpperCase()}_URL`, down]));
    const gateway = await startService(GATEWAY.main, { ...urls, SHUTDOWN_GRACE_MS: '60000' });
    const ready = await fetch(gateway.url.replace('/graphql', '/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'degraded', checks: { supergraph: { status: 'ok' }, registry: { status: 'ok' } } });

    const inFlight = await openRequest(gateway.url, JSON.stringify({ query: '{ __typename }' }));
    gateway.child.kill('SIGTERM');
    await gateway.waitFor(/gateway stopping: no new connections/);
    const answer = await inFlight.send();
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ data: { __typename: 'Query' } }) + '\n' });
    expect(await gateway.exited).toBe(0);
  });
});
