import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { getOperationAST, GraphQLError } from 'graphql';
import type { DataVersions } from './cache/index.js';
import type { GatewayContext } from './identity.js';
import { asCall } from './in-flight.js';
import { forwardRequestContext, tracedFetch, type GatewayMetrics } from './observability/index.js';
import type { SubgraphResilience } from './resilience/index.js';

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown; argument?: unknown } }[];
}

/** Ends a call that takes longer than `timeoutMs`, including reading its answer, and frees its connection. */
function timedFetcher(fetcher: Fetcher, timeoutMs: number): Fetcher {
  return (url, init) => fetcher(url, { ...init, signal: AbortSignal.timeout(timeoutMs) } as typeof init);
}

// The gateway writes its subgraph operations as "query Name__kvo__0 ..." or "{ ... }"; a mutation is never sent twice.
const QUERY_TEXT = /^\s*(query\b|\{)/;

function isQuery({ request, ...options }: GraphQLDataSourceProcessOptions<GatewayContext>): boolean {
  const document = 'document' in options ? options.document : undefined;
  if (document) return getOperationAST(document, request.operationName)?.operation === 'query';
  return QUERY_TEXT.test(request.query ?? '');
}

/**
 * Calls one subgraph through the gateway's resilience (timeout, query retries, circuit breaker): a subgraph
 * that is down or hangs becomes a SUBGRAPH_UNAVAILABLE error naming it, and the other subgraphs' data still
 * arrives.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: Fetcher,
    private readonly resilience: SubgraphResilience,
    private readonly metrics?: GatewayMetrics,
    private readonly dataVersions?: DataVersions,
  ) {
    super({ url, fetcher: timedFetcher(fetcher, resilience.timeoutMs(serviceName)) });
    metrics?.track(serviceName);
  }

  /**
   * Also tells the response cache what the request read from, and that a mutation returned: the subgraph committed
   * before answering, so answers read earlier end now (read-your-writes), ahead of the subgraph's own notification.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const query = isQuery(options);
    options.context.responseCache?.touched.add(this.serviceName);
    const since = options.context.startedAt ?? Number.POSITIVE_INFINITY;
    const send = () => asCall({ since, read: query }, () => super.process(options));
    const call = () => this.resilience.call(this.serviceName, this.url!, query, send);
    const observed = this.metrics ? () => this.metrics!.observeFetch(this.serviceName, call) : call;
    try {
      return await tracedFetch(this.serviceName, options.request, observed);
    } finally {
      if (!query) this.dataVersions?.bump(this.serviceName);
    }
  }

  /**
   * Forwards the caller's verified token as it came: the subgraph verifies it again and trusts nothing else.
   * The request id and trace context go along, so the subgraph's log lines and spans join the caller's request.
   */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    forwardRequestContext(request, request.http?.headers);
  }

  /**
   * A subgraph answers a request it refuses as a whole (a variable its Date scalar rejects, which the gateway
   * cannot check) with HTTP 400 and a GraphQL error body. Apollo's data source would turn that into an opaque
   * "400: Bad Request"; this hands the subgraph's own message and code to the caller instead.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    const body = error.extensions.response as { status: number; body: SubgraphErrorBody } | undefined;
    const first = body?.status === 400 ? body.body?.errors?.[0] : undefined;
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') return error;
    const { code, argument } = first.extensions;
    return new GraphQLError(first.message, { extensions: { code, ...(typeof argument === 'string' ? { argument } : {}) } });
  }
}
