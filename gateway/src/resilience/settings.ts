/** When a subgraph's circuit opens, and for how long the gateway stops calling it. */
export interface BreakerSettings {
  /** Calls within the rolling window before the breaker may open at all. */
  minCalls: number;
  /** The share of those calls (percent) that must have failed for it to open. */
  errorPercent: number;
  /** How long it stays open before one probe call may go through (half-open). */
  resetMs: number;
  /** The rolling window over which calls and failures are counted. */
  windowMs: number;
}

/** How the gateway calls a subgraph that may be down, slow or redeploying. */
export interface ResilienceSettings {
  /** How long one call to a subgraph may take, from sending to the last byte of its answer. */
  timeoutMs: number;
  /** Per subgraph name, a timeout that replaces `timeoutMs`. */
  timeoutMsBySubgraph: Record<string, number>;
  /** Extra attempts for a query after a connection failure or a 502, 503 or 504; mutations never get one. */
  retries: number;
  /** The first back-off; it doubles for each later attempt, and each wait is jittered between half and all of it. */
  retryDelayMs: number;
  breaker: BreakerSettings;
}

/*
 * 30 s is Apollo Router's default subgraph timeout: no answer this hub's subgraphs give takes near it, and a
 * partner serving from far away is not cut off. The breaker's numbers are opossum's defaults except minCalls,
 * which keeps one unlucky call from opening it.
 */
export const DEFAULT_RESILIENCE: ResilienceSettings = {
  timeoutMs: 30_000,
  timeoutMsBySubgraph: {},
  retries: 2,
  retryDelayMs: 100,
  breaker: { minCalls: 5, errorPercent: 50, resetMs: 10_000, windowMs: 10_000 },
};

export type ResilienceOptions = Partial<Omit<ResilienceSettings, 'breaker'>> & { breaker?: Partial<BreakerSettings> };

export function resilienceSettings(options: ResilienceOptions = {}): ResilienceSettings {
  return { ...DEFAULT_RESILIENCE, ...options, breaker: { ...DEFAULT_RESILIENCE.breaker, ...options.breaker } };
}
