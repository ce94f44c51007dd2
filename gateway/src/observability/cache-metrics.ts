import { Counter, Gauge, type Registry } from 'prom-client';

/** The response cache's counters (gateway/src/cache), on the gateway's /metrics. */
export class ResponseCacheMetrics {
  readonly requests: Counter<'outcome'>;
  /** requests{outcome="hit"}, its labels resolved once: the hit path counts every request. */
  readonly hits: { inc(): void };
  readonly stores: Counter;
  readonly invalidations: Counter<'subgraph'>;
  /** Reads the cache's size when /metrics is scraped; the cache sets it (cache/index.ts). */
  size: () => number = () => 0;

  constructor(registry: Registry) {
    this.requests = new Counter({
      name: 'vo_response_cache_requests_total',
      help: 'GraphQL requests on /graphql by cache outcome: hit (sent from the cache, no Apollo work), miss or bypass (not cacheable).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.hits = this.requests.labels({ outcome: 'hit' });
    this.stores = new Counter({
      name: 'vo_response_cache_stores_total',
      help: 'Answers kept by the response cache.',
      registers: [registry],
    });
    this.invalidations = new Counter({
      name: 'vo_response_cache_invalidations_total',
      help: "Moves of a subgraph's data epoch, each ending the cached answers that read it: its data changed, its stream (re)connected or dropped, or this gateway sent it a mutation.",
      labelNames: ['subgraph'] as const,
      registers: [registry],
    });
    const size = () => this.size();
    new Gauge({
      name: 'vo_response_cache_bytes',
      help: 'Bytes the response cache holds (bodies, keys and per-entry overhead), counted against RESPONSE_CACHE_MB.',
      registers: [registry],
      collect() {
        this.set(size());
      },
    });
  }
}
