import { today as dutchToday } from '@vo/kit';
import type { RequestHandler, Response } from 'express';
import type { TokenVerifier } from '../identity.js';
import type { ResponseCacheMetrics } from '../observability/index.js';
import { CLIENT_NAME_HEADER } from '../registry/usage-plugin.js';
import { accessScope, answerKey, type OperationRequest } from './key.js';
import type { PendingAnswer, ResponseCache } from './store.js';

/** The response header telling whether an answer came from the cache. */
export const CACHE_HEADER = 'x-cache';

export interface CacheMiddlewareOptions {
  cache: ResponseCache;
  verify: TokenVerifier;
  metrics: ResponseCacheMetrics;
  /** Today in Dutch time, YYYY-MM-DD (tests move the clock). */
  today?: () => string;
}

/**
 * The cache's place on /graphql: after body parsing (its size limit), trusted documents and nothing else, before
 * Apollo. A hit is sent as stored, with no Apollo work at all, yet passes every check a request does: the token is
 * verified (or its verification, remembered until it expires, reused: identity.ts), trusted-documents mode and the
 * body limit ran before this. Operation limits (depth, aliases, cost) depend on the document and variables alone,
 * both in the key, so the request that stored the answer passed them already. Only POSTed JSON is handled: Apollo's
 * CSRF prevention concerns GET and simple requests, which always go to Apollo.
 */
export function responseCacheMiddleware({ cache, verify, metrics, today = dutchToday }: CacheMiddlewareOptions): RequestHandler {
  return async (req, res, next) => {
    const request = req.method === 'POST' ? (req.body as OperationRequest | undefined) : undefined;
    const viewer = request && !Array.isArray(request) ? await verify(req.headers.authorization).catch(() => undefined) : undefined;
    // A refused token goes on to Apollo, which answers it 401 as always.
    const key = viewer && answerKey(request!, { generation: cache.generation, scope: accessScope(viewer), today: today(), accept: req.headers.accept ?? '' });
    if (!key) {
      metrics.requests.inc({ outcome: 'bypass' });
      res.setHeader(CACHE_HEADER, 'bypass');
      return next();
    }
    const stored = cache.lookup(key);
    if (stored) {
      metrics.requests.inc({ outcome: 'hit' });
      stored.replay?.(req.headers[CLIENT_NAME_HEADER] as string | undefined);
      res.writeHead(200, { ...stored.headers, 'content-length': stored.body.length, [CACHE_HEADER]: 'hit' });
      return res.end(stored.body);
    }
    metrics.requests.inc({ outcome: 'miss' });
    res.setHeader(CACHE_HEADER, 'miss');
    const pending = cache.begin(key);
    res.locals.responseCache = pending;
    keepWhenSent(res, pending, cache, metrics);
    next();
  };
}

// The headers Apollo sets on an answer that a hit repeats; the rest (date, request id) belong to each response.
const KEPT_HEADERS = ['content-type', 'cache-control'];

/** Stores Apollo's answer as it leaves: the express integration sends a complete answer with one `res.send(string)`. */
function keepWhenSent(res: Response, pending: PendingAnswer, cache: ResponseCache, metrics: ResponseCacheMetrics) {
  const send = res.send.bind(res);
  res.send = (body) => {
    if (typeof body === 'string') {
      const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (res.hasHeader(name) ? [[name, String(res.getHeader(name))]] : [])));
      if (cache.finish(pending, res.statusCode, body, headers)) metrics.stores.inc();
    }
    return send(body);
  };
}
