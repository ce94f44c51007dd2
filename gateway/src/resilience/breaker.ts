import { serviceLogger } from '@vo/kit';
import CircuitBreaker from 'opossum';
import { outageOf } from './outage.js';
import type { BreakerSettings } from './settings.js';

/** One call to a subgraph, as the breaker runs it. */
export type SubgraphCall = () => Promise<unknown>;

export type SubgraphBreaker = CircuitBreaker<[SubgraphCall], unknown>;

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/**
 * opossum's breaker around one subgraph. Only outages count against it: a subgraph that refuses a bad
 * request (400) or a caller (401, 403) is answering, and closes a half-open breaker like any answer.
 */
export function subgraphBreaker(name: string, settings: BreakerSettings): SubgraphBreaker {
  const breaker = new CircuitBreaker((call: SubgraphCall) => call(), {
    name,
    // The fetch's own signal times a call out and also ends the request; opossum's timer would only stop waiting.
    timeout: false,
    volumeThreshold: settings.minCalls,
    errorThresholdPercentage: settings.errorPercent,
    resetTimeout: settings.resetMs,
    rollingCountTimeout: settings.windowMs,
    errorFilter: (error: unknown) => outageOf(error) === undefined,
  });
  const log = serviceLogger('gateway');
  breaker.on('open', () => log.warn({ subgraph: name }, `Subgraph ${name}: circuit open after repeated failures; calls fail fast for ${settings.resetMs} ms.`));
  breaker.on('close', () => log.warn({ subgraph: name }, `Subgraph ${name}: answering again; circuit closed.`));
  return breaker;
}

export function breakerState(breaker: SubgraphBreaker): BreakerState {
  return breaker.opened ? 'open' : breaker.halfOpen ? 'halfOpen' : 'closed';
}

/** opossum rejects with this code, without calling, while the breaker is open (or half-open with its probe out). */
export const isOpenBreakerRejection = (error: unknown) => (error as { code?: unknown } | undefined)?.code === 'EOPENBREAKER';
