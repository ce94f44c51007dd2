// Subgraph timeouts, retries and breakers read from the environment, the back-off they use, and the outage error's
// format: pure functions, no servers (test/resilience.test.ts covers them over real subgraphs).
import { ConfigError } from '@vo/kit';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import { DEFAULT_RESILIENCE, formatGatewayError, retryDelay, SubgraphUnavailableError } from '../src/resilience/index.js';

describe('resilience settings from the environment', () => {
  it('defaults to DEFAULT_RESILIENCE: 30 s timeout, 2 retries from 100 ms, breaker after 5 calls at 50% failures for 10 s', () => {
    expect(loadGatewayConfig({}).resilience).toEqual(DEFAULT_RESILIENCE);
    expect(DEFAULT_RESILIENCE).toEqual({
      timeoutMs: 30_000, timeoutMsBySubgraph: {}, retries: 2, retryDelayMs: 100,
      breaker: { minCalls: 5, errorPercent: 50, resetMs: 10_000, windowMs: 10_000 },
    });
  });

  it('reads each setting, and per-subgraph timeouts named as in SUBGRAPH_<NAME>_URL', () => {
    const config = loadGatewayConfig({
      SUBGRAPH_TIMEOUT_MS: '5000', SUBGRAPH_CYBER_TIMEOUT_MS: '800', SUBGRAPH_PARTNER_X_TIMEOUT_MS: '1200', SUBGRAPH_RETRIES: '0',
      SUBGRAPH_RETRY_DELAY_MS: '50', SUBGRAPH_BREAKER_MIN_CALLS: '3', SUBGRAPH_BREAKER_ERROR_PERCENT: '80',
      SUBGRAPH_BREAKER_RESET_MS: '2000', SUBGRAPH_BREAKER_WINDOW_MS: '4000', SUBGRAPH_MAX_SOCKETS: '8',
    });
    expect(config.resilience).toEqual({
      timeoutMs: 5000, timeoutMsBySubgraph: { cyber: 800, 'partner-x': 1200 }, retries: 0, retryDelayMs: 50,
      breaker: { minCalls: 3, errorPercent: 80, resetMs: 2000, windowMs: 4000 },
    });
  });

  it('refuses nonsense, listing every problem', () => {
    const load = () => loadGatewayConfig({ SUBGRAPH_TIMEOUT_MS: '0', SUBGRAPH_RETRIES: '10', SUBGRAPH_BREAKER_ERROR_PERCENT: 'half' });
    expect(load).toThrow(ConfigError);
    for (const name of ['SUBGRAPH_TIMEOUT_MS', 'SUBGRAPH_RETRIES', 'SUBGRAPH_BREAKER_ERROR_PERCENT']) expect(load).toThrow(name);
    expect(() => loadGatewayConfig({ SUBGRAPH_KVO_TIMEOUT_MS: 'soon' })).toThrow(/SUBGRAPH_KVO_TIMEOUT_MS/);
  });
});

describe('back-off', () => {
  it('doubles per attempt, each wait jittered between half and all of it', () => {
    for (let sample = 0; sample < 100; sample++) {
      for (const [attempt, full] of [[1, 100], [2, 200], [3, 400]]) {
        const delay = retryDelay(attempt, 100);
        expect(delay).toBeGreaterThanOrEqual(full / 2);
        expect(delay).toBeLessThanOrEqual(full);
      }
    }
  });
});

describe('formatGatewayError', () => {
  it('keeps an outage the gateway diagnosed, with its service and reason', () => {
    const error = new SubgraphUnavailableError('riec', { reason: 'HTTP_ERROR', detail: 'HTTP 503', retryable: true }, { timeoutMs: 1, resetMs: 1 });
    expect(formatGatewayError(error.toJSON(), error)).toEqual({
      message: expect.stringMatching(/^The riec service is unavailable: it answered HTTP 503\./),
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'riec', reason: 'HTTP_ERROR' },
    });
  });

  it('masks a subgraph\'s own error that claims the code', () => {
    const error = new GraphQLError('connection string postgres://secret', { extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'riec' } });
    const formatted = formatGatewayError(error.toJSON(), error);
    expect(formatted.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(formatted.message).not.toContain('secret');
  });
});
