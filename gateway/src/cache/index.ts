import type { ResponseCacheMetrics } from '../observability/index.js';
import { ResponseCache } from './store.js';
import { DataVersions } from './versions.js';

export { admissionPlugin } from './admit.js';
export { accessScope, answerKey, canonicalJson } from './key.js';
export { cachedAnswersFirst } from './front.js';
export { responseCacheMiddleware } from './middleware.js';
export { CACHE_HEADER, PendingAnswer, ResponseCache, type StoredAnswer } from './store.js';
export { DataVersions, type EpochSnapshot } from './versions.js';

export interface ResponseCacheOptions {
  /** Upper bound of the answers kept, bodies and keys, in bytes. */
  maxBytes: number;
  /** Today in Dutch time, YYYY-MM-DD: kit `today()` unless a test moves the clock. */
  today?: () => string;
}

/** A response cache following the data versions of the subgraphs the gateway is given (DataVersions.follow). */
export function createResponseCache(options: ResponseCacheOptions, metrics: ResponseCacheMetrics): ResponseCache {
  const cache = new ResponseCache(new DataVersions((subgraph) => metrics.invalidations.inc({ subgraph })), options.maxBytes);
  metrics.size = () => cache.bytes;
  return cache;
}

const JOIN_GRAPH = /@join__graph\(name: "([^"]+)"/g;

/** The names of the subgraphs a supergraph composes, from its join__Graph enum. */
export const subgraphNamesOf = (supergraphSdl: string) => new Set([...supergraphSdl.matchAll(JOIN_GRAPH)].map((match) => match[1]));
