import { bodyRefusal, callerTraceContext, REQUEST_ID_HEADER, requestIdOf, traceIdOf, type Logger } from '@vo/kit';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { answerFor, findAnswer, sendHit, type CacheMiddlewareOptions, type FoundAnswer } from './middleware.js';

export interface FrontOptions extends CacheMiddlewareOptions {
  /** The express body parser's limit: a larger body is left to express, which refuses it (413). */
  maxBodyBytes: number;
  logger: Logger;
}

const JSON_TYPE = /^application\/(?:graphql-response\+)?json\s*(?:;\s*charset=utf-8\s*)?$/i;

/** A POST to /graphql with a plain UTF-8 JSON body of a declared, allowed length: the only requests read here. */
function readable(req: IncomingMessage, maxBodyBytes: number): number | undefined {
  if (req.method !== 'POST' || (req.url !== '/graphql' && req.url !== '/graphql/')) return undefined;
  if (!JSON_TYPE.test(req.headers['content-type'] ?? '') || req.headers['content-encoding']) return undefined;
  const length = Number(req.headers['content-length']);
  return Number.isInteger(length) && length > 0 && length <= maxBodyBytes ? length : undefined;
}

function readBody(req: IncomingMessage, done: (text: string) => void, failed: (error: unknown) => void) {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
  req.on('error', failed);
}

/**
 * The response cache's front door, before express. Express with its JSON body parser alone answers at under half
 * the rate of a bare node:http server on this hardware, and its access-log middleware halves that again; a cache hit,
 * the dashboards' common case, needs neither. So this reads a POSTed JSON body itself and sends a stored answer with
 * one access-log line of the same shape as pino-http's. Anything else goes to express with the body already parsed
 * as `req.body` (express.json sees a finished stream and leaves it), so misses, GETs and every other route behave as
 * before, and the cache middleware inside express records the miss. A caller whose token was verified moments ago
 * (identity.ts) is answered without waiting on a promise: the hit path is synchronous from body to answer.
 */
export function cachedAnswersFirst(app: RequestListener, options: FrontOptions): RequestListener {
  return (req, res) => {
    if (readable(req, options.maxBodyBytes) === undefined) return app(req, res);
    const started = performance.now();
    readBody(req, (text) => answerBody(app, options, req, res, text, started), (error) => failed(options, res, error));
  };
}

// The handler's steps are functions of their own, not closures made per request (tsx names each closure it makes).
function answerBody(app: RequestListener, options: FrontOptions, req: IncomingMessage, res: ServerResponse, text: string, started: number) {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuseBody(res);
  }
  try {
    const viewer = options.verify.remembered(req.headers.authorization);
    if (viewer) return answer(app, options, req, res, body, answerFor(options, body, req.headers, viewer), started);
  } catch (error) {
    return failed(options, res, error);
  }
  findAnswer(options, body, req.headers)
    .then((found) => answer(app, options, req, res, body, found, started))
    .catch((error: unknown) => failed(options, res, error));
}

/** Sends the stored answer with its access-log line, or hands the request to express with its body parsed. */
function answer(app: RequestListener, options: FrontOptions, req: IncomingMessage, res: ServerResponse, body: unknown, { stored }: FoundAnswer, started: number) {
  if (!stored) {
    (req as IncomingMessage & { body?: unknown }).body = body;
    return app(req, res);
  }
  const requestId = requestIdOf(req);
  const { operationName } = body as { operationName?: unknown };
  sendHit(options, stored, req.headers, res, [REQUEST_ID_HEADER, requestId]);
  const traceId = traceIdOf(callerTraceContext(req.headers));
  options.logger.info(
    { requestId, traceId, method: 'POST', path: '/graphql', status: 200, durationMs: Math.round(performance.now() - started), operation: typeof operationName === 'string' ? operationName : undefined, cache: 'hit' },
    'request completed',
  );
}

function failed(options: FrontOptions, res: ServerResponse, error: unknown) {
  options.logger.error({ err: error }, 'request failed');
  if (!res.headersSent) refuseBody(res, 500);
}

function refuseBody(res: ServerResponse, status = 400) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(bodyRefusal(status)));
}
