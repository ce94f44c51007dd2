import { setTimeout as sleep } from 'node:timers/promises';
import { breakerState, isOpenBreakerRejection, subgraphBreaker, type BreakerState, type SubgraphBreaker } from './breaker.js';
import { SubgraphUnavailableError } from './errors.js';
import { outageOf, type Outage } from './outage.js';
import { resilienceSettings, type ResilienceOptions, type ResilienceSettings } from './settings.js';

const CIRCUIT_OPEN: Outage = { reason: 'CIRCUIT_OPEN', detail: 'circuit open', retryable: false };

/** Exponential back-off with jitter, so retries from many requests do not hit a recovering subgraph in step. */
export function retryDelay(attempt: number, firstDelayMs: number): number {
  const full = firstDelayMs * 2 ** (attempt - 1);
  return full / 2 + (Math.random() * full) / 2;
}

/**
 * The gateway's calls to its subgraphs: a timeout each, bounded retries for queries and one circuit breaker per
 * subgraph, shared by every data source the gateway builds for it (a new supergraph rebuilds those).
 */
export class SubgraphResilience {
  readonly settings: ResilienceSettings;
  private readonly breakers = new Map<string, { url: string; breaker: SubgraphBreaker }>();

  constructor(options: ResilienceOptions = {}) {
    this.settings = resilienceSettings(options);
  }

  timeoutMs(name: string): number {
    return this.settings.timeoutMsBySubgraph[name] ?? this.settings.timeoutMs;
  }

  /** The breaker's state for a subgraph; undefined before its first call. */
  state(name: string): BreakerState | undefined {
    const entry = this.breakers.get(name);
    return entry && breakerState(entry.breaker);
  }

  /**
   * Sends one subgraph request through its breaker. Only an `idempotent` request (a query) is sent again, and
   * only when the subgraph cannot have handled it or asked for it (connection failure, 502, 503, 504).
   */
  async call<T>(name: string, url: string, idempotent: boolean, send: () => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(name, url);
    const attempts = idempotent ? 1 + this.settings.retries : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return (await breaker.fire(send)) as T;
      } catch (error) {
        const outage = isOpenBreakerRejection(error) ? CIRCUIT_OPEN : outageOf(error);
        if (!outage) throw error;
        if (!outage.retryable || attempt >= attempts) {
          throw new SubgraphUnavailableError(name, outage, { timeoutMs: this.timeoutMs(name), resetMs: this.settings.breaker.resetMs });
        }
        await sleep(retryDelay(attempt, this.settings.retryDelayMs));
      }
    }
  }

  shutdown() {
    for (const { breaker } of this.breakers.values()) breaker.shutdown();
  }

  // A subgraph published at a new URL is a new deployment: it starts with a closed breaker.
  private breakerFor(name: string, url: string): SubgraphBreaker {
    const entry = this.breakers.get(name);
    if (entry?.url === url) return entry.breaker;
    entry?.breaker.shutdown();
    const breaker = subgraphBreaker(name, this.settings.breaker);
    this.breakers.set(name, { url, breaker });
    return breaker;
  }
}
