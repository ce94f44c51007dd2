import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { runInRequestScope, type RequestScope } from './request-scope.js';
import { callerTraceContext, traceIdOf } from './trace.js';

export const REQUEST_ID_HEADER = 'x-request-id';

// What proxies and tracing tools send (UUIDs, hex, base64-ish ids); anything else is not echoed into logs or headers.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/** The caller's x-request-id when it is a plausible id, otherwise a new UUID; the response must echo it. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}

/** requestIdOf, echoed in the response header. */
export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdOf(req);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

const scopes = new WeakMap<IncomingMessage, RequestScope>();

/** The access log line's fields: no headers, no query string (it may carry a GraphQL query or a token). */
function accessFields(req: IncomingMessage, res: ServerResponse, responseTime: number) {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  return {
    method: req.method,
    path: url.split('?')[0],
    status: res.statusCode,
    durationMs: responseTime,
    operation: scopes.get(req)?.operation,
  };
}

/**
 * One JSON access line per request (method, path, status, duration, GraphQL operation, request id, trace id), and
 * the request's scope for everything that runs while serving it.
 */
export function observeRequests(logger: Logger): RequestHandler[] {
  const access = pinoHttp({
    logger,
    genReqId: requestIdFor,
    customAttributeKeys: { reqId: 'requestId' },
    quietReqLogger: true,
    quietResLogger: true,
    customProps: (req) => ({ traceId: traceIdOf(callerTraceContext(req.headers)) }),
    customSuccessObject: (req, res, value) => accessFields(req, res, value.responseTime as number),
    customErrorObject: (req, res, error, value) => ({ ...accessFields(req, res, value.responseTime as number), err: error }),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
  });
  const scope: RequestHandler = (req, _res, next) => {
    const current: RequestScope = { id: String(req.id), log: req.log, trace: callerTraceContext(req.headers) };
    scopes.set(req, current);
    runInRequestScope(current, next);
  };
  return [access as unknown as RequestHandler, scope];
}
