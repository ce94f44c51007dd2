export { SubgraphResilience, retryDelay } from './calls.js';
export type { BreakerState } from './breaker.js';
export { formatGatewayError, SubgraphUnavailableError, SUBGRAPH_UNAVAILABLE } from './errors.js';
export { resilienceEnv, resilienceSettingsFrom } from './env.js';
export type { OutageReason } from './outage.js';
export { DEFAULT_RESILIENCE, type BreakerSettings, type ResilienceOptions, type ResilienceSettings } from './settings.js';
