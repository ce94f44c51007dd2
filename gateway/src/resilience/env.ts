import { parseEnv } from '@vo/kit';
import { z } from 'zod';
import { DEFAULT_RESILIENCE, type ResilienceSettings } from './settings.js';

const SUBGRAPH_TIMEOUT = /^SUBGRAPH_([A-Z0-9_]+)_TIMEOUT_MS$/;
const ms = (fallback: number, min: number) => z.coerce.number().int().min(min).max(600_000).default(fallback);
const { breaker } = DEFAULT_RESILIENCE;

/** The gateway's environment for subgraph timeouts, retries and circuit breakers; config.ts spreads it into its schema. */
export const resilienceEnv = {
  SUBGRAPH_TIMEOUT_MS: ms(DEFAULT_RESILIENCE.timeoutMs, 1),
  SUBGRAPH_RETRIES: z.coerce.number().int().min(0).max(5).default(DEFAULT_RESILIENCE.retries),
  SUBGRAPH_RETRY_DELAY_MS: ms(DEFAULT_RESILIENCE.retryDelayMs, 0),
  SUBGRAPH_BREAKER_MIN_CALLS: z.coerce.number().int().min(1).max(10_000).default(breaker.minCalls),
  SUBGRAPH_BREAKER_ERROR_PERCENT: z.coerce.number().min(1).max(100).default(breaker.errorPercent),
  SUBGRAPH_BREAKER_RESET_MS: ms(breaker.resetMs, 1),
  SUBGRAPH_BREAKER_WINDOW_MS: ms(breaker.windowMs, 100),
};

type ResilienceEnv = z.infer<z.ZodObject<typeof resilienceEnv>>;

/** The settings from the parsed variables, plus SUBGRAPH_<NAME>_TIMEOUT_MS overrides (NAME as in SUBGRAPH_<NAME>_URL). */
export function resilienceSettingsFrom(config: ResilienceEnv, env: Record<string, string | undefined>): ResilienceSettings {
  const overrideEnv = Object.fromEntries(Object.entries(env).filter(([key]) => SUBGRAPH_TIMEOUT.test(key)));
  const overrides = parseEnv(z.record(z.string(), z.coerce.number().int().min(1).max(600_000)), overrideEnv);
  const timeoutMsBySubgraph = Object.fromEntries(
    Object.entries(overrides).map(([key, value]) => [SUBGRAPH_TIMEOUT.exec(key)![1].toLowerCase().replace(/_/g, '-'), value]),
  );
  return {
    timeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    timeoutMsBySubgraph,
    retries: config.SUBGRAPH_RETRIES,
    retryDelayMs: config.SUBGRAPH_RETRY_DELAY_MS,
    breaker: {
      minCalls: config.SUBGRAPH_BREAKER_MIN_CALLS,
      errorPercent: config.SUBGRAPH_BREAKER_ERROR_PERCENT,
      resetMs: config.SUBGRAPH_BREAKER_RESET_MS,
      windowMs: config.SUBGRAPH_BREAKER_WINDOW_MS,
    },
  };
}
