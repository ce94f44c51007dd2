import type { RequestHandler, Response } from 'express';
import { DATA_CHANGED_CHANNEL } from './data-version-trigger.js';
import type { DatabaseHandle } from './db.js';

/** Changes closer together than this go out as one event: an import of many batches is one change to a reader. */
export const COALESCE_MS = 5;
// A comment line this often keeps proxies from closing an idle stream and lets a dead connection be noticed.
const HEARTBEAT_MS = 25_000;

/** What subgraph code may subscribe to: a callback after every committed write to its schema, by any writer. */
export interface DataChanges {
  /** Runs `listener` after each (coalesced) change and after the listener reconnects; returns the unsubscribe. */
  onDataChange(listener: () => void): () => void;
}

/**
 * The data version of one subgraph: a counter that moves on every committed write to its schema (the notifications
 * of data-version-trigger.ts) and on every reconnect of its listener, as notifications may have been lost meanwhile.
 * GET /data-version streams it as Server-Sent Events: one event on connect, one after each change.
 *
 * The stream is public, like /health and /metrics: it carries a counter, no data. It does tell when a partner writes,
 * which /metrics (vo_db_statements_total, requests per operation) tells already; both belong on the subgraph's
 * internal network, where the gateway reaches them (docker-compose publishes only the gateway's port). A scope would
 * need the gateway to hold a token of its own, which it does not: it only forwards its callers'.
 */
export class DataVersion implements DataChanges {
  version = 0;
  private readonly streams = new Set<Response>();
  private readonly listeners = new Set<() => void>();
  private pending?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private connects = 0;
  private stopped?: Promise<void>;

  constructor(private readonly schema: string) {}

  /** Starts listening; resolves once the first LISTEN is in place, so no write after this goes unseen. */
  async start(database: DatabaseHandle): Promise<void> {
    this.unlisten = await database.listen(
      DATA_CHANGED_CHANNEL,
      (payload) => payload === this.schema && this.changed(),
      // The first connect only starts the count: nothing was missed, and subgraph code has just read the data.
      () => (this.connects++ === 0 ? this.version++ : this.changed()),
    );
    this.heartbeat = setInterval(() => this.streams.forEach((res) => res.write(': ping\n\n')), HEARTBEAT_MS).unref();
  }

  onDataChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Counts a change; the event follows within COALESCE_MS and carries the count at that moment, so none is lost. */
  changed(): void {
    this.version++;
    this.pending ??= setTimeout(() => this.publish(), COALESCE_MS);
  }

  /** GET /data-version: `text/event-stream`, each event's data the current version. */
  route(): RequestHandler {
    return (req, res) => {
      // Stopped, it no longer hears of changes: a follower must not take its silence for "unchanged".
      if (this.stopped) return void res.status(503).set('cache-control', 'no-store').end();
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
      // A client whose stream broke tries again after a second (the EventSource default is three).
      res.write('retry: 1000\n\n');
      this.send(res);
      this.streams.add(res);
      req.on('close', () => this.streams.delete(res));
    };
  }

  /** Ends every stream (a draining server would wait for them forever), refuses new ones and stops listening. */
  stop(): Promise<void> {
    this.stopped ??= this.end();
    return this.stopped;
  }

  private async end(): Promise<void> {
    clearTimeout(this.pending);
    clearInterval(this.heartbeat);
    for (const res of this.streams) res.end();
    this.streams.clear();
    this.listeners.clear();
    // An UNLISTEN that fails at shutdown leaves nothing behind: the database connection closes next.
    await this.unlisten?.().catch(() => {});
  }

  private publish(): void {
    this.pending = undefined;
    for (const res of this.streams) this.send(res);
    for (const listener of this.listeners) listener();
  }

  private send(res: Response): void {
    res.write(`data: ${this.version}\n\n`);
  }
}
