import { today as dutchToday, type Viewer } from '@vo/kit';
import type { RequestHandler, Response } from 'express';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { TokenVerifier } from '../identity.js';
import type { ResponseCacheMetrics } from '../observability/index.js';
import { CLIENT_NAME_HEADER } from '../registry/usage-plugin.js';
import { accessScope, answerKey, type OperationRequest } from './key.js';
import { CACHE_HEADER, type PendingAnswer, type ResponseCache, type StoredAnswer } from './store.js';

export interface CacheMiddlewareOptions {
  cache: ResponseCache;
  verify: TokenVerifier;
  metrics: ResponseCacheMetrics;
  /** Today in Dutch time, YYYY-MM-DD (tests move the clock). */
  today?: () => string;
}

/**
 * The key of a POSTed request and its stored answer, if any (no key: the cache does not handle it). A refused token
 * gives no key: the request goes on to Apollo, which answers it 401 as always. The token is verified on every
 * request (its verification remembered until it expires: identity.ts). Operation limits (depth, aliases, cost)
 * depend on the document and variables alone, both in the key, so the request that stored an answer passed them.
 */
export async function findAnswer(options: CacheMiddlewareOptions, body: unknown, headers: IncomingHttpHeaders): Promise<FoundAnswer> {
  const viewer = await options.verify(headers.authorization).catch(() => undefined);
  return viewer ? answerFor(options, body, headers, viewer) : {};
}

export interface FoundAnswer {
  key?: string;
  stored?: StoredAnswer;
}

/** findAnswer for a caller already verified, without waiting: the hit path's common case (front.ts). */
export function answerFor(options: CacheMiddlewareOptions, body: unknown, headers: IncomingHttpHeaders, viewer: Viewer): FoundAnswer {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return {};
  const today = (options.today ?? dutchToday)();
  const key = answerKey(body as OperationRequest, { generation: options.cache.generation, scope: accessScope(viewer), today, accept: headers.accept ?? '' });
  return { key, stored: key ? options.cache.lookup(key) : undefined };
}

/**
 * Sends a stored answer as it was first sent (its content type and cache-control), with `extra` headers (front.ts's
 * request id; inside express, those already set stay), and counts it.
 */
export function sendHit(options: CacheMiddlewareOptions, stored: StoredAnswer, headers: IncomingHttpHeaders, res: ServerResponse, extra?: string[]) {
  options.metrics.hits.inc();
  stored.replay?.(headers[CLIENT_NAME_HEADER] as string | undefined);
  res.writeHead(200, extra ? [...stored.head, ...extra] : stored.head);
  res.end(stored.body);
}

/**
 * The cache's place on /graphql inside express: after body parsing (its size limit) and trusted documents, before
 * Apollo. Most hits never get here (front.ts answers them before express); this serves the rest (a chunked body,
 * say) and records a miss so that Apollo's answer is kept. Only POSTed JSON is handled: Apollo's CSRF prevention
 * concerns GET and simple requests, which always go to Apollo.
 */
export function responseCacheMiddleware(options: CacheMiddlewareOptions): RequestHandler {
  return async (req, res, next) => {
    const { key, stored } = req.method === 'POST' ? await findAnswer(options, req.body, req.headers) : {};
    if (!key) {
      options.metrics.requests.inc({ outcome: 'bypass' });
      res.setHeader(CACHE_HEADER, 'bypass');
      return next();
    }
    if (stored) return sendHit(options, stored, req.headers, res);
    options.metrics.requests.inc({ outcome: 'miss' });
    res.setHeader(CACHE_HEADER, 'miss');
    const pending = options.cache.begin(key);
    res.locals.responseCache = pending;
    keepWhenSent(res, pending, options);
    next();
  };
}

// The headers Apollo sets on an answer that a hit repeats; the rest (date, request id) belong to each response.
const KEPT_HEADERS = ['content-type', 'cache-control'];

/** Stores Apollo's answer as it leaves: the express integration sends a complete answer with one `res.send(string)`. */
function keepWhenSent(res: Response, pending: PendingAnswer, { cache, metrics }: CacheMiddlewareOptions) {
  const send = res.send.bind(res);
  res.send = (body) => {
    if (typeof body === 'string') {
      const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (res.hasHeader(name) ? [[name, String(res.getHeader(name))]] : [])));
      if (cache.finish(pending, res.statusCode, body, headers)) metrics.stores.inc();
    }
    return send(body);
  };
}
