/** Why a subgraph gave no usable answer: the `reason` in a SUBGRAPH_UNAVAILABLE error. */
export type OutageReason = 'CONNECTION_FAILED' | 'TIMEOUT' | 'HTTP_ERROR' | 'CIRCUIT_OPEN';

export interface Outage {
  reason: OutageReason;
  /** What happened, for the message: "ECONNREFUSED", "HTTP 503". */
  detail: string;
  /** Whether a query may be sent again: the request cannot have been handled, or the subgraph asked for it. */
  retryable: boolean;
}

// A gateway or load balancer in front of a subgraph answers these while it is down or redeploying.
const RETRYABLE_STATUS = new Set([502, 503, 504]);

/**
 * Sorts a failed subgraph call into an outage, or undefined for a real answer the caller should see as it is
 * (a 400 with the subgraph's own error, a 401 or 403). Timeouts are never retried: a slow subgraph asked
 * again only costs the request its timeout twice.
 */
export function outageOf(error: unknown): Outage | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'TimeoutError') return { reason: 'TIMEOUT', detail: 'timeout', retryable: false };
  const status = (error as { extensions?: { response?: { status?: unknown } } }).extensions?.response?.status;
  if (typeof status === 'number') {
    return status >= 500 ? { reason: 'HTTP_ERROR', detail: `HTTP ${status}`, retryable: RETRYABLE_STATUS.has(status) } : undefined;
  }
  // undici's fetch fails with "fetch failed" and the socket's error as its cause (ECONNREFUSED, UND_ERR_SOCKET).
  if (error instanceof TypeError && error.message === 'fetch failed') {
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    const detail = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? 'connection failed');
    return { reason: 'CONNECTION_FAILED', detail, retryable: true };
  }
  return undefined;
}
