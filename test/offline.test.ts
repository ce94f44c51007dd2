// The hub fetches nothing at run time: starting it and answering a query opens connections only on this machine.
// @apollo/gateway would otherwise report metrics to Apollo and probe cloud metadata endpoints (see gateway.ts).
import { Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHub, type Hub } from './support/hub.js';
import { asNational } from './support/roles.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** Where a Socket#connect call goes: a host, or a local (unix) path. */
function target(args: unknown[]): string {
  const [first, second] = args as [unknown, unknown];
  if (Array.isArray(first)) return target(first);
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    return options.path ? 'unix' : (options.host ?? 'localhost');
  }
  if (typeof first === 'number') return typeof second === 'string' ? second : 'localhost';
  return 'unix';
}

const attempts: string[] = [];
const connect = Socket.prototype.connect;
let hub: Hub;
beforeAll(async () => {
  Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
    attempts.push(target(args));
    return (connect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof connect;
  hub = await startHub();
});
afterAll(async () => {
  Socket.prototype.connect = connect;
  await hub?.close();
});

it('starts and answers without connecting anywhere but this machine', async () => {
  await asNational.graphqlOk(hub.url, '{ regions { code kvo { validCertificates } funding { totalCents } cyber { scanCount } } }');
  // The gateway's cloud probes and metrics exporter would start at construction; give stragglers a moment.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(attempts.length).toBeGreaterThan(0);
  expect(attempts.filter((host) => host !== 'unix' && !LOOPBACK.test(host))).toEqual([]);
});
