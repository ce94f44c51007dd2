import type { Context } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** What the hub keeps of one HTTP request while serving it. */
export interface RequestScope {
  /** The request id: the caller's x-request-id when valid, otherwise a new UUID. */
  id: string;
  /** The service's logger with the request id on every line. */
  log: Logger;
  /** The caller's W3C trace context (traceparent, tracestate), for the calls made on its behalf. */
  trace: Context;
  /** The GraphQL operation's name, once Apollo has resolved it, for the access log line. */
  operation?: string;
}

// Apollo's formatError and the gateway's data sources get no express request; they find it through this.
const storage = new AsyncLocalStorage<RequestScope>();

export const runInRequestScope = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

/** The request being served, if any. */
export const requestScope = (): RequestScope | undefined => storage.getStore();

/** The current request's logger, or `fallback` outside a request. */
export const currentLog = (fallback: Logger): Logger => storage.getStore()?.log ?? fallback;
