import { ServiceMetrics, LATENCY_BUCKETS } from '@vo/kit';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { BreakerState, SubgraphResilience } from '../resilience/index.js';
import { ResponseCacheMetrics } from './cache-metrics.js';

const BREAKER_STATES: BreakerState[] = ['closed', 'halfOpen', 'open'];

/** Why a subgraph fetch failed: the outage reason the resilience layer diagnosed, or OTHER. */
function failureReason(error: unknown): string {
  const reason = (error as { extensions?: { reason?: unknown } } | undefined)?.extensions?.reason;
  return typeof reason === 'string' ? reason : 'OTHER';
}

/** The gateway's metrics: GraphQL requests (the kit's), and its fetches from each subgraph with their breakers. */
export class GatewayMetrics extends ServiceMetrics {
  private readonly services = new Set<string>();
  private readonly fetches = new Counter({
    name: 'vo_subgraph_fetches_total',
    help: 'Fetches from a subgraph (one per query-plan step, retries included), by service and outcome (ok or error).',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly fetchFailures = new Counter({
    name: 'vo_subgraph_fetch_errors_total',
    help: 'Failed subgraph fetches by service and reason: CONNECTION_FAILED, TIMEOUT, HTTP_ERROR, CIRCUIT_OPEN or OTHER.',
    labelNames: ['subgraph', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly fetchLatency = new Histogram({
    name: 'vo_subgraph_fetch_duration_seconds',
    help: 'Time a subgraph fetch took, retries and back-off included, by service.',
    labelNames: ['subgraph'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly responseCache = new ResponseCacheMetrics(this.registry);

  constructor(resilience: SubgraphResilience) {
    super('gateway');
    const services = this.services;
    new Gauge({
      name: 'vo_subgraph_circuit_state',
      help: 'Each subgraph\'s circuit breaker: 1 for its current state (closed, halfOpen, open), 0 for the others.',
      labelNames: ['subgraph', 'state'] as const,
      registers: [this.registry],
      collect() {
        for (const subgraph of services) {
          const current = resilience.state(subgraph) ?? 'closed';
          for (const state of BREAKER_STATES) this.set({ subgraph, state }, state === current ? 1 : 0);
        }
      },
    });
  }

  /** A subgraph the gateway may call: its breaker is reported from now on. */
  track(subgraph: string) {
    this.services.add(subgraph);
  }

  /** Runs one fetch, counting and timing it. */
  async observeFetch<T>(subgraph: string, fetch: () => Promise<T>): Promise<T> {
    const stop = this.fetchLatency.startTimer({ subgraph });
    try {
      const result = await fetch();
      this.fetches.inc({ subgraph, outcome: 'ok' });
      return result;
    } catch (error) {
      this.fetches.inc({ subgraph, outcome: 'error' });
      this.fetchFailures.inc({ subgraph, reason: failureReason(error) });
      throw error;
    } finally {
      stop();
    }
  }
}
