export { forwardRequestContext, tracedFetch } from './forward.js';
export { GatewayMetrics } from './metrics.js';
export { startTracing, tracingEnv } from './tracing.js';
export { ResponseCacheMetrics } from './cache-metrics.js';
