// Issue 7, part 4: operators see what happens. Metrics, request ids and trace context are checked over the real
// gateway and real subgraphs over HTTP; log lines are read from the services' own pino output, captured in memory.
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { startTracing } from '@vo/gateway/observability';
import { createLogger, fetchMetricSum, maskUnexpectedErrors, runInRequestScope } from '@vo/kit';
import { graphql, graphqlOk } from '@vo/kit/testing';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLog, startCollector, startHeaderRecorder, startObservedGateway, startObservedSubgraph } from './support/observed.js';

/** Regions (from regions) with their KVO figures (from kvo): one fetch from each subgraph. */
const NAMED = 'query RegionCertificates { regions { code kvo { validCertificates } } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Observed = Awaited<ReturnType<typeof startObservedSubgraph>>;
let regions: Observed;
let kvo: Observed;
let recorder: Awaited<ReturnType<typeof startHeaderRecorder>>;
let gateway: Awaited<ReturnType<typeof startObservedGateway>>;

beforeAll(async () => {
  [regions, kvo] = await Promise.all([startObservedSubgraph('regions'), startObservedSubgraph('kvo')]);
  recorder = await startHeaderRecorder(kvo.url);
  gateway = await startObservedGateway({ regions: regions.url, kvo: recorder.url });
});
afterAll(async () => {
  await gateway?.close();
  await recorder?.close();
  await Promise.all([regions?.close(), kvo?.close()]);
});

const base = (url: string) => url.replace(/\/graphql$/, '');
const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
const accessLines = (log: Record<string, unknown>[], requestId: string) => log.filter((line) => line.requestId === requestId && line.msg === 'request completed');

describe('/metrics', () => {
  it('counts a named operation on the gateway and on each subgraph it fetches from, and their fetches', async () => {
    const requests = { operation: 'RegionCertificates', outcome: 'ok' };
    const before = {
      gateway: await fetchMetricSum(gateway.baseUrl, 'vo_graphql_requests_total', requests),
      regionsFetches: await fetchMetricSum(gateway.baseUrl, 'vo_subgraph_fetches_total', { subgraph: 'regions', outcome: 'ok' }),
      kvoFetches: await fetchMetricSum(gateway.baseUrl, 'vo_subgraph_fetches_total', { subgraph: 'kvo', outcome: 'ok' }),
      kvo: await fetchMetricSum(base(kvo.url), 'vo_graphql_requests_total', requests),
      kvoStatements: await fetchMetricSum(base(kvo.url), 'vo_db_statements_total', {}),
    };
    for (let i = 0; i < 2; i++) await graphqlOk(gateway.url, NAMED);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_graphql_requests_total', requests)).toBe(before.gateway + 2);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_subgraph_fetches_total', { subgraph: 'regions', outcome: 'ok' })).toBe(before.regionsFetches + 2);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_subgraph_fetches_total', { subgraph: 'kvo', outcome: 'ok' })).toBe(before.kvoFetches + 2);
    // The gateway names its fetch "RegionCertificates__kvo__1"; kvo counts it under the caller's operation.
    expect(await fetchMetricSum(base(kvo.url), 'vo_graphql_requests_total', requests)).toBe(before.kvo + 2);
    expect(await fetchMetricSum(base(kvo.url), 'vo_db_statements_total', {})).toBeGreaterThan(before.kvoStatements);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_subgraph_circuit_state', { subgraph: 'kvo', state: 'closed' })).toBe(1);
  });

  it('counts anonymous and unparsable operations under one label, and failures as errors', async () => {
    const other = { operation: '(other)', outcome: 'error' };
    const before = await fetchMetricSum(gateway.baseUrl, 'vo_graphql_requests_total', other);
    expect((await graphql(gateway.url, '{ regions { code } nope }')).errors).toBeDefined();
    expect((await graphql(gateway.url, 'query Broken {')).errors).toBeDefined();
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_graphql_requests_total', other)).toBe(before + 2);
  });

  it('times each operation in a histogram beside the Node process metrics', async () => {
    const timed = { operation: 'RegionCertificates' };
    const before = await fetchMetricSum(gateway.baseUrl, 'vo_graphql_request_duration_seconds_count', timed);
    await graphqlOk(gateway.url, NAMED);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_graphql_request_duration_seconds_count', timed)).toBe(before + 1);
    expect(await fetchMetricSum(gateway.baseUrl, 'vo_graphql_request_duration_seconds_bucket', { ...timed, le: '+Inf' })).toBe(before + 1);
    expect(await (await fetch(`${gateway.baseUrl}/metrics`)).text()).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('reports the heap that survived the last major collection, the floor the soak benchmark follows', async () => {
    const afterGc = () => fetchMetricSum(gateway.baseUrl, 'vo_heap_used_after_major_gc_bytes');
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    /** Collects, and reads the gauge once it has moved. */
    const collected = async () => {
      const before = await afterGc();
      collect();
      await expect.poll(afterGc).not.toBe(before);
      return afterGc();
    };
    let garbage: object[] = Array.from({ length: 500_000 }, (_, i) => ({ i, text: `garbage ${i}` }));
    const withGarbage = await collected();
    expect(garbage).toHaveLength(500_000);
    garbage = [];
    // The garbage (some 40 MB) is gone after the next collection, and the floor says so.
    const without = await collected();
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(withGarbage - 10 * 2 ** 20);
  });
});

describe('request id', () => {
  it('returns a request id the caller sent and finds it on the gateway\'s and the subgraphs\' log lines', async () => {
    const requestId = `test-${randomBytes(8).toString('hex')}`;
    const response = await post(NAMED, { 'x-request-id': requestId });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    await response.text();
    expect(accessLines(gateway.log, requestId)).toEqual([
      expect.objectContaining({ service: 'gateway', method: 'POST', path: '/graphql', status: 200, operation: 'RegionCertificates' }),
    ]);
    for (const [service, subgraph] of [['regions', regions], ['kvo', kvo]] as const) {
      expect(accessLines(subgraph.log, requestId)).toEqual([expect.objectContaining({ service, path: '/graphql', status: 200 })]);
    }
  });

  it('makes one when the caller sends none or an invalid one, and the subgraphs log the one it returned', async () => {
    for (const headers of [{}, { 'x-request-id': 'not a valid id!' }] as Record<string, string>[]) {
      const response = await post(NAMED, headers);
      const requestId = response.headers.get('x-request-id')!;
      await response.text();
      expect(requestId).toMatch(UUID);
      expect(accessLines(kvo.log, requestId)).toHaveLength(1);
    }
  });

  it('logs an unexpected error, masked for the caller, on the line of the request that met it', () => {
    const log = captureLog();
    const scope = { id: 'test-masked', log: createLogger('kvo', { level: 'info', destination: log.destination }).child({ requestId: 'test-masked' }), trace: ROOT_CONTEXT };
    const answer = runInRequestScope(scope, () => maskUnexpectedErrors({ message: 'relation "x" does not exist' }, new Error('relation "x" does not exist')));
    expect(answer.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'error', service: 'kvo', requestId: 'test-masked', msg: 'Unexpected error', err: expect.objectContaining({ message: 'relation "x" does not exist' }) }),
    ]);
  });
});

describe('trace context', () => {
  it('passes the caller\'s traceparent to every subgraph call, and its trace id onto the subgraph\'s log line', async () => {
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const response = await post(NAMED, { traceparent, tracestate: 'vo=test' });
    const requestId = response.headers.get('x-request-id')!;
    await response.text();
    const arrived = recorder.seen.filter((headers) => headers['x-request-id'] === requestId);
    expect(arrived).toEqual([expect.objectContaining({ traceparent, tracestate: 'vo=test' })]);
    expect(accessLines(kvo.log, requestId)).toEqual([expect.objectContaining({ traceId })]);
    expect(accessLines(regions.log, requestId)).toEqual([expect.objectContaining({ traceId })]);
  });
});

describe('with a tracer running', () => {
  it('runs none, so sends nothing anywhere, without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    expect(startTracing({ OTEL_SERVICE_NAME: 'vo-gateway' })).toBeUndefined();
  });

  it('sends each subgraph call in a new span of the caller\'s trace, and exports the spans to the OTLP endpoint', async () => {
    const collector = await startCollector();
    const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SERVICE_NAME: 'vo-gateway-test' })!;
    try {
      const traceId = randomBytes(16).toString('hex');
      const callerSpan = randomBytes(8).toString('hex');
      const response = await post(NAMED, { traceparent: `00-${traceId}-${callerSpan}-01` });
      const requestId = response.headers.get('x-request-id')!;
      await response.text();
      const [arrived] = recorder.seen.filter((headers) => headers['x-request-id'] === requestId);
      const [, sentTrace, sentSpan] = String(arrived.traceparent).split('-');
      expect(sentTrace).toBe(traceId);
      expect(sentSpan).not.toBe(callerSpan);
      await tracing.shutdown();
      const exported = collector.received.join('\n');
      expect(collector.paths).toContain('/v1/traces');
      expect(exported).toContain(sentSpan);
      expect(exported).toContain('subgraph kvo');
    } finally {
      trace.disable();
      await collector.close();
    }
  });
});
