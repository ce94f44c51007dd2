import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../identity.js';
import { clientName, type UsageRecorder } from '../registry/usage.js';

/**
 * Error codes that follow from the data and the caller's access scope alone, so the same request meets them again:
 * a refused field (FORBIDDEN, UNAUTHENTICATED for an anonymous caller), an unknown code, a bad argument. Anything
 * else (SUBGRAPH_UNAVAILABLE, a masked INTERNAL_SERVER_ERROR, a cost or rate refusal) keeps an answer out.
 */
const DETERMINISTIC_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND', 'BAD_USER_INPUT']);

/**
 * Decides, once Apollo has the answer, whether it may be kept: a query (never a mutation or subscription) answered
 * in one piece with only deterministic errors. It also keeps how to count the operation's field usage again, so a
 * hit still counts for the registry's `check` as the run it replaces did (registry/usage-plugin.ts).
 */
export function admissionPlugin(usage?: UsageRecorder): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const pending = contextValue.responseCache;
      if (!pending) return;
      return {
        async willSendResponse({ operation, response, schema, document }) {
          if (operation?.operation !== 'query' || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          pending.admissible = errors.every((error) => DETERMINISTIC_CODES.has(String(error.extensions?.code)));
          if (usage && document) pending.replay = (client) => usage.record(schema, document, operation, clientName(client));
        },
      };
    },
  };
}
