export { forwardRequestContext, tracedFetch } from './forward.js';
export { GatewayMetrics } from './metrics.js';
export { startTracing, tracingEnv } from './tracing.js';
