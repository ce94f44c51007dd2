import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { RequestHandler } from 'express';
import type { DatabaseHandle } from './db.js';
import { rowsOf } from './import/stage.js';

/** One readiness check's outcome: `degraded` is reported but does not make the service unready. */
export interface CheckResult {
  status: 'ok' | 'failed' | 'degraded';
  detail?: string;
}

/** A check resolves with an optional detail when it passes and throws (or times out) when it fails. */
export type HealthCheck = () => Promise<string | void>;

/** What /ready answers: 200 when `ready`, 503 otherwise. */
export interface ReadinessReport {
  service: string;
  ready: boolean;
  status: 'ready' | 'degraded' | 'not_ready' | 'stopping';
  checks: Record<string, CheckResult>;
  [more: string]: unknown;
}

/** How long a readiness check may take before it counts as failed: a probe must answer well within its own timeout. */
export const CHECK_TIMEOUT_MS = 1000;

/** Rejects when `promise` has not settled within `ms`, so a hung database cannot hang a probe. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each bounded by `timeoutMs`; a failure is reported with its message, never thrown. */
export async function runChecks(checks: Record<string, HealthCheck>, timeoutMs = CHECK_TIMEOUT_MS) {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      try {
        const detail = await withTimeout(check(), timeoutMs, name);
        return [name, detail ? { status: 'ok', detail } : { status: 'ok' }];
      } catch (error) {
        return [name, { status: 'failed', detail: (error as Error).message }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** Whether the service is shutting down: /ready turns 503 the moment a stop begins, before connections close. */
export class Lifecycle {
  private stopped = false;
  private readonly onStop: (() => void)[] = [];

  get stopping(): boolean {
    return this.stopped;
  }

  set stopping(value: boolean) {
    const begins = value && !this.stopped;
    this.stopped = value;
    if (begins) this.onStop.forEach((work) => work());
  }

  /** Runs `work` when a stop begins: ends streams (GET /data-version) that would keep a draining server open. */
  whenStopping(work: () => void): void {
    this.onStop.push(work);
  }
}

/** Builds the report for a set of check results: ready unless a check failed or the service is stopping. */
export function readinessReport(service: string, checks: Record<string, CheckResult>, lifecycle: Lifecycle): ReadinessReport {
  const results = Object.values(checks);
  const failed = results.some((check) => check.status === 'failed');
  if (lifecycle.stopping) return { service, ready: false, status: 'stopping', checks };
  if (failed) return { service, ready: false, status: 'not_ready', checks };
  const degraded = results.some((check) => check.status === 'degraded');
  return { service, ready: true, status: degraded ? 'degraded' : 'ready', checks };
}

/** GET /ready: the report as JSON, 200 when ready and 503 otherwise; never cached by a proxy. */
export function readinessRoute(report: () => Promise<ReadinessReport>): RequestHandler {
  return async (_req, res) => {
    const body = await report();
    res.status(body.ready ? 200 : 503).set('cache-control', 'no-store').json(body);
  };
}

/** The database answers a trivial statement. */
export function databaseReachable(handle: DatabaseHandle): HealthCheck {
  return async () => {
    await handle.db.execute(sql`select 1`);
    return handle.kind;
  };
}

/**
 * Every committed migration is applied: the newest one recorded in the subgraph's migrations table is at least as
 * recent as the newest in its folder (the comparison drizzle's migrator makes).
 */
export function migrationsApplied(handle: DatabaseHandle, name: string, migrationsFolder: string): HealthCheck {
  const newest = Math.max(0, ...readMigrationFiles({ migrationsFolder }).map((migration) => migration.folderMillis));
  const table = sql.identifier(`${name}_migrations`);
  return async () => {
    const result = await handle.db.execute(sql`select max(created_at)::text as applied from drizzle.${table}`);
    const applied = Number(rowsOf<{ applied: string | null }>(result)[0]?.applied ?? 0);
    if (!(applied >= newest)) throw new Error(`migrations pending: the newest applied is ${applied || 'none'}, the newest committed ${newest}`);
    return `newest migration ${newest}`;
  };
}
