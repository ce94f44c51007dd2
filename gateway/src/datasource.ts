import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './identity.js';

interface SubgraphErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown; argument?: unknown } }[];
}

/**
 * A subgraph answers a request it refuses as a whole (a variable its Date scalar rejects, which the gateway
 * cannot check) with HTTP 400 and a GraphQL error body. Apollo's data source would turn that into an opaque
 * "400: Bad Request"; this one hands the subgraph's own message and code to the caller instead.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(url: string, fetcher: Fetcher) {
    super({ url, fetcher });
  }

  /** Forwards the caller's verified token as it came: the subgraph verifies it again and trusts nothing else. */
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    const error = await super.errorFromResponse(response);
    const body = error.extensions.response as { status: number; body: SubgraphErrorBody } | undefined;
    const first = body?.status === 400 ? body.body?.errors?.[0] : undefined;
    if (typeof first?.message !== 'string' || typeof first.extensions?.code !== 'string') return error;
    const { code, argument } = first.extensions;
    return new GraphQLError(first.message, { extensions: { code, ...(typeof argument === 'string' ? { argument } : {}) } });
  }
}
