import {
  CHECK_TIMEOUT_MS,
  databaseReachable,
  Lifecycle,
  readinessReport,
  runChecks,
  type CheckResult,
  type DatabaseHandle,
  type HealthCheck,
  type ReadinessReport,
} from '@vo/kit';
import type { BreakerState } from './resilience/index.js';

/** Said in every /ready body, so an operator reading it knows what the status means. */
export const SUBGRAPH_POLICY =
  'A subgraph that is down is listed as degraded and does not make the gateway unready: the gateway still answers ' +
  "with the other subgraphs' data and an error naming the missing one, and taking this gateway out of the load " +
  'balancer would not bring that subgraph back. Ready means this process can serve: supergraph loaded and, when it ' +
  'has one, its registry database reachable.';

export interface GatewayHealthOptions {
  /** Resolves with a detail when the gateway has a supergraph to serve; throws when it has none. */
  supergraph: HealthCheck;
  /** The schema registry's database, when the gateway runs with a registry. */
  registryDatabase?: DatabaseHandle;
  /** The circuit breaker's state for a subgraph, shown beside its health. */
  breakerState?: (name: string) => BreakerState | undefined;
  /** How long each check and each subgraph probe may take. */
  timeoutMs?: number;
  /** How long a round of subgraph probes is reused, so a storm of /ready calls does not fan out to the subgraphs. */
  cacheMs?: number;
}

/** /ready for the gateway: its own parts decide readiness; each subgraph's /health is reported beside them. */
export class GatewayHealth {
  readonly lifecycle = new Lifecycle();
  /** Where the gateway sends each subgraph's requests, as its data sources were built (name to /graphql URL). */
  readonly subgraphUrls = new Map<string, string>();
  private probes?: { at: number; results: Promise<Record<string, CheckResult>> };

  constructor(private readonly options: GatewayHealthOptions) {}

  async report(): Promise<ReadinessReport> {
    const own: Record<string, HealthCheck> = { supergraph: this.options.supergraph };
    if (this.options.registryDatabase) own.registry = databaseReachable(this.options.registryDatabase);
    const [checks, subgraphs] = await Promise.all([runChecks(own, this.timeoutMs), this.subgraphs()]);
    const overall = readinessReport('gateway', { ...checks, ...subgraphs }, this.lifecycle);
    return { ...overall, checks, subgraphs, subgraphPolicy: SUBGRAPH_POLICY };
  }

  private get timeoutMs() {
    return this.options.timeoutMs ?? CHECK_TIMEOUT_MS;
  }

  /** Every subgraph's /health at once, or the round still fresh enough to reuse. */
  private subgraphs(): Promise<Record<string, CheckResult>> {
    const now = Date.now();
    if (this.probes && now - this.probes.at < (this.options.cacheMs ?? 2000)) return this.probes.results;
    const results = Promise.all([...this.subgraphUrls].map(async ([name, url]) => [name, await this.probe(name, url)] as const));
    this.probes = { at: now, results: results.then((entries) => Object.fromEntries(entries)) };
    return this.probes.results;
  }

  private async probe(name: string, url: string): Promise<CheckResult> {
    const breaker = this.options.breakerState?.(name);
    const suffix = breaker && breaker !== 'closed' ? `; circuit breaker ${breaker}` : '';
    try {
      const response = await fetch(healthUrl(url), { signal: AbortSignal.timeout(this.timeoutMs) });
      await response.body?.cancel();
      if (response.ok) return { status: 'ok', ...(suffix ? { detail: suffix.slice(2) } : {}) };
      return { status: 'degraded', detail: `down: /health answered ${response.status}${suffix}` };
    } catch (error) {
      return { status: 'degraded', detail: `down: ${reason(error)}${suffix}` };
    }
  }
}

/** A subgraph's liveness address: its routing URL with /health for /graphql. */
export const healthUrl = (graphqlUrl: string) => new URL('health', graphqlUrl.replace(/\/graphql\/?$/, '/')).toString();

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'no answer within the probe timeout';
  return cause?.code ?? (error as Error).message;
}
