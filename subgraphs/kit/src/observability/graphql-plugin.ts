import type { ApolloServerPlugin } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import { requestScope } from './request-scope.js';
import { OTHER_OPERATION, type ServiceMetrics } from './metrics.js';

/** Counts and times every GraphQL request by operation name, and names the operation on the access log line. */
export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      let operation = OTHER_OPERATION;
      return {
        async didResolveOperation({ operationName }) {
          operation = metrics.operationLabel(operationName);
          const scope = requestScope();
          if (scope && operationName) scope.operation = operationName;
        },
        async willSendResponse({ response }) {
          const failed = response.body.kind === 'single' ? Boolean(response.body.singleResult.errors?.length) : false;
          metrics.observeRequest(operation, (performance.now() - started) / 1000, failed);
        },
      };
    },
  };
}
