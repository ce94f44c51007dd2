import type { ApolloServerPlugin } from '@apollo/server';
import { clientName, type UsageRecorder } from './usage.js';

/** The header Apollo's clients (and GraphOS) use to name themselves; "unknown" without it. */
export const CLIENT_NAME_HEADER = 'apollographql-client-name';

/** Counts the coordinates of every operation that passed the limits and started executing. */
export function usagePlugin(recorder: UsageRecorder): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ schema, document, operation, request }) {
          recorder.record(schema, document, operation, clientName(request.http?.headers.get(CLIENT_NAME_HEADER)));
        },
      };
    },
  };
}
