import type { RequestHandler } from 'express';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The label for anonymous operations, unresolvable ones and names past the cap: bounded label cardinality. */
export const OTHER_OPERATION = '(other)';
const MAX_OPERATION_NAMES = 100;
// The gateway names its subgraph fetches "<Operation>__<subgraph>__<n>"; the subgraph counts them under <Operation>.
const GATEWAY_FETCH_NAME = /^(.+)__[a-z0-9-]+__\d+$/;
/** Seconds: a cached field in milliseconds up to a national overview on a cold database. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

let processRegistry: Registry | undefined;

// Node's process metrics once per process: the tests run a gateway and five subgraphs in one.
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    heapAfterMajorGc(processRegistry);
  }
  return processRegistry;
}

/**
 * Heap used just after the last major collection: what survived it. Heap used itself is a sawtooth between
 * collections; this is its floor, so a trend across collections is a leak (the soak benchmark reads it).
 */
function heapAfterMajorGc(registry: Registry) {
  const gauge = new Gauge({
    name: 'vo_heap_used_after_major_gc_bytes',
    help: 'Heap used just after the last major (mark-compact) garbage collection: what survived it; 0 before the first.',
    registers: [registry],
  });
  const major = (entry: PerformanceEntry) => ((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind === constants.NODE_PERFORMANCE_GC_MAJOR;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(major)) gauge.set(getHeapStatistics().used_heap_size);
  });
  observer.observe({ entryTypes: ['gc'] });
}

/** One service's Prometheus metrics: GraphQL requests by operation here, more registered by the service itself. */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly requests = new Counter({
    name: 'vo_graphql_requests_total',
    help: `GraphQL requests by operation name (anonymous, failed to parse or past ${MAX_OPERATION_NAMES} names: "${OTHER_OPERATION}") and outcome (ok, or error when the answer has errors).`,
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'vo_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its answer, by operation name.',
    labelNames: ['operation'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    processMetrics(); // from now on, not from the first scrape: the collections before it count too
  }

  /** The operation label for a name: a new name is kept until the cap, after which it counts as other. */
  operationLabel(name: string | null | undefined): string {
    const operation = name ? (GATEWAY_FETCH_NAME.exec(name)?.[1] ?? name) : undefined;
    if (!operation) return OTHER_OPERATION;
    if (!this.names.has(operation) && this.names.size >= MAX_OPERATION_NAMES) return OTHER_OPERATION;
    this.names.add(operation);
    return operation;
  }

  observeRequest(operation: string, seconds: number, failed: boolean) {
    this.requests.inc({ operation, outcome: failed ? 'error' : 'ok' });
    this.latency.observe({ operation }, seconds);
  }

  /** GET /metrics in Prometheus' text format: this service's metrics and the process's. */
  route(): RequestHandler {
    return async (_req, res, next) => {
      try {
        const body = (await this.registry.metrics()) + (await processMetrics().metrics());
        res.type(this.registry.contentType).send(body);
      } catch (error) {
        next(error);
      }
    };
  }
}
