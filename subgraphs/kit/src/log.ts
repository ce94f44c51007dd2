import { pino, type DestinationStream, type Logger } from 'pino';
import { z } from 'zod';
import { optionalString, parseEnv } from './env.js';

export type { DestinationStream, Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, which the gateway's and every subgraph's env schema spread in. */
export const logEnv = { LOG_LEVEL: z.enum(LOG_LEVELS).optional() };

let configured: LogLevel | undefined;

/** LOG_LEVEL, else info; under vitest silent, so a test run shows failures instead of access lines. */
export function configuredLogLevel(): LogLevel {
  configured ??= (() => {
    const env = parseEnv(z.object({ ...logEnv, VITEST: optionalString }));
    return env.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info');
  })();
  return configured;
}

/**
 * A service's main sets the process's level: its LOG_LEVEL, else info even under a test runner, since tests that
 * start a service process wait for its "ready at" line.
 */
export function configureProcessLogging(level: LogLevel | undefined): LogLevel {
  configured = level ?? 'info';
  return configured;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where the JSON lines go (stdout when left out); a test passes a stream to read them. */
  destination?: DestinationStream;
}

/** The one logger factory of the hub: JSON lines naming the service, with ISO times and level names. */
export function createLogger(service: string, options: LoggerOptions = {}): Logger {
  const settings = {
    level: options.level ?? configuredLogLevel(),
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return pino(settings, options.destination ?? standardOutput());
}

let stdout: DestinationStream | undefined;

/**
 * The process's stdout for every logger, written asynchronously: lines queued while a write is under way go out
 * together in the next one, so a busy service makes one write for many lines instead of one blocking write per line.
 * pino flushes what is queued when the process exits.
 */
function standardOutput(): DestinationStream {
  stdout ??= pino.destination({ dest: 1, sync: false });
  return stdout;
}

const fallbacks = new Map<string, Logger>();

/** A process-wide logger for `service`, for code that runs outside any request (startup, timers). */
export function serviceLogger(service: string): Logger {
  let logger = fallbacks.get(service);
  if (!logger) fallbacks.set(service, (logger = createLogger(service)));
  return logger;
}
