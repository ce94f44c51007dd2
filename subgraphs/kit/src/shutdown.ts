import type { Server } from 'node:http';
import { z } from 'zod';
import type { Lifecycle } from './health.js';
import { serviceLogger, type Logger } from './log.js';

/** The environment every service reads for its shutdown; docker-compose's stop_grace_period must exceed it. */
export const shutdownEnv = {
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
};

// How often a draining server looks for connections whose last request has finished.
const IDLE_SWEEP_MS = 50;

/**
 * Stops accepting connections and lets the requests in flight finish: each keep-alive connection is closed as soon
 * as it is idle, and whatever is still open after `graceMs` is cut. Resolves with the number of connections cut.
 */
export function drainServer(server: Server, graceMs: number): Promise<number> {
  return new Promise((resolve) => {
    let cut = 0;
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      server.getConnections((_error, open) => {
        cut = open;
        server.closeAllConnections();
      });
    }, graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(cut);
    });
    server.closeIdleConnections();
  });
}

export interface GracefulStop {
  /** Used in the log lines: "kvo", "gateway". */
  name: string;
  server: Server;
  lifecycle: Lifecycle;
  graceMs: number;
  /** Closes what the service holds once no request needs it: Apollo, the database, pools. */
  close(): Promise<void>;
  /** Where the shutdown's lines go (the service's process-wide logger when left out). */
  logger?: Logger;
}

/** Marks the service not ready, drains its server, then closes its parts; resolves with the exit code. */
export async function stopGracefully(stop: GracefulStop): Promise<number> {
  const logger = stop.logger ?? serviceLogger(stop.name);
  stop.lifecycle.stopping = true;
  logger.info(`${stop.name} stopping: no new connections; requests in flight get up to ${stop.graceMs} ms`);
  const cut = await drainServer(stop.server, stop.graceMs);
  if (cut > 0) logger.error(`${stop.name}: cut ${cut} connection(s) still open after ${stop.graceMs} ms`);
  await stop.close();
  logger.info(`${stop.name} stopped`);
  return cut > 0 ? 1 : 0;
}

/**
 * SIGTERM or SIGINT stops the service gracefully and exits. A second signal changes nothing: Ctrl+C under `npm start`
 * sends SIGINT to every service and then start.ts sends SIGTERM, and the grace period bounds the wait anyway.
 */
export function stopOnSignal(stop: GracefulStop) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const logger = stop.logger ?? serviceLogger(stop.name);
    logger.info(`${stop.name}: ${signal} received`);
    stopGracefully(stop).then(
      (code) => process.exit(code),
      (error) => {
        logger.error({ err: error }, `${stop.name} did not stop cleanly`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
