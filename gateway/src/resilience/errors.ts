import { maskUnexpectedErrors } from '@vo/kit';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Outage } from './outage.js';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

function cause(outage: Outage, timeoutMs: number, resetMs: number): string {
  switch (outage.reason) {
    case 'CONNECTION_FAILED':
      return `it could not be reached (${outage.detail})`;
    case 'TIMEOUT':
      return `it did not answer within ${timeoutMs} ms`;
    case 'HTTP_ERROR':
      return `it answered ${outage.detail}`;
    case 'CIRCUIT_OPEN':
      return `it failed repeatedly, so the hub is not calling it for ${Math.ceil(resetMs / 1000)} s before trying again`;
  }
}

/**
 * A subgraph gave no usable answer. The rest of the response still arrives; this error names the service
 * (extensions.serviceName, as Apollo names subgraph errors) and says why (extensions.reason), so a dashboard
 * can show which partner's figures are missing and an operator knows whom to call.
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(serviceName: string, outage: Outage, limits: { timeoutMs: number; resetMs: number }) {
    super(
      `The ${serviceName} service is unavailable: ${cause(outage, limits.timeoutMs, limits.resetMs)}. ` +
        `The fields it provides are null in this answer; data from the other services is unaffected. ` +
        `The hub reconnects by itself when ${serviceName} is back; if this persists, contact its operator.`,
      { extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, reason: outage.reason } },
    );
  }
}

function isSubgraphUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError) {
    if (cause instanceof SubgraphUnavailableError) return true;
  }
  return false;
}

/**
 * The gateway's `formatError`: the kit's masking, except that an outage the gateway itself diagnosed keeps
 * its code, service and message. A subgraph's own error claiming that code is still masked.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (!isSubgraphUnavailable(error)) return maskUnexpectedErrors(formatted, error);
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
  return { ...formatted, extensions };
}
