import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { serviceLogger } from './log.js';
import { currentLog } from './observability/request-scope.js';

/** A requested record does not exist; the message names the code the caller sent. */
export class NotFoundError extends GraphQLError {
  constructor(what: string, key: string) {
    super(`${what} "${key}" does not exist.`, { extensions: { code: 'NOT_FOUND', [what.toLowerCase()]: key } });
  }
}

/** An argument the caller can fix; `argument` names it. */
export class BadInputError extends GraphQLError {
  constructor(message: string, argument?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
  }
}

const EXPOSED_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  // The gateway's cost limit (the code Apollo Router's demand control uses).
  'COST_ESTIMATED_TOO_EXPENSIVE',
]);

/**
 * Apollo Server `formatError`: expected errors pass with their code; anything else is logged
 * and replaced by a generic message, so no stack trace or SQL reaches a caller.
 */
export function maskUnexpectedErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A scalar refusing a literal (a bad date written into the query) surfaces as a validation failure;
  // it is the caller's argument, so it keeps the scalar's BAD_USER_INPUT.
  // Apollo refuses a few malformed requests (an unsupported persisted query version) with HTTP 400 but no code.
  const code = hasBadInputCause(error) ? 'BAD_USER_INPUT' : isRefusedRequest(error) ? 'BAD_REQUEST' : formatted.extensions?.code;
  if (typeof code === 'string' && EXPOSED_CODES.has(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  currentLog(serviceLogger('hub')).error({ err: error }, 'Unexpected error');
  return {
    message: 'Internal error: the hub could not answer this part of the query.',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function isRefusedRequest(error: unknown): boolean {
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } } | undefined)?.extensions;
  const status = extensions?.http?.status;
  return extensions?.code === undefined && typeof status === 'number' && status >= 400 && status < 500;
}

/** Walks the `originalError` chain: Apollo and graphql-js wrap the error a resolver or scalar threw. */
function hasBadInputCause(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = (cause as { originalError?: unknown }).originalError) {
    if (cause instanceof BadInputError) return true;
  }
  return false;
}

/** No usable identity: a missing token where one is needed, or a token that does not verify. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string, http = false) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', ...(http ? { http: { status: 401 } } : {}) } });
  }
}

/** A verified caller whose roles do not cover what it asked for. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}
