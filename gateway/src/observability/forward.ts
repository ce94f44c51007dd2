import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { injectTraceContext, REQUEST_ID_HEADER, requestScope } from '@vo/kit';

// Without a tracer provider (no OTEL_EXPORTER_OTLP_ENDPOINT) the API's spans carry the caller's context unchanged.
const tracer = trace.getTracer('vo-gateway');
const outgoing = new WeakMap<object, Context>();

/**
 * Runs one subgraph fetch in a client span under the caller's trace context, which `forwardRequestContext` puts on
 * the request: a new span id per fetch when a tracer runs, the caller's own traceparent otherwise.
 */
export async function tracedFetch<T>(subgraph: string, request: object, fetch: () => Promise<T>): Promise<T> {
  const parent = requestScope()?.trace ?? ROOT_CONTEXT;
  const span = tracer.startSpan(`subgraph ${subgraph}`, { kind: SpanKind.CLIENT, attributes: { 'vo.subgraph': subgraph } }, parent);
  outgoing.set(request, trace.setSpan(parent, span));
  try {
    return await fetch();
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** Sets the request id and trace context of the request being served on a subgraph call made for it. */
export function forwardRequestContext(request: object, headers: { set(name: string, value: string): void } | undefined) {
  const scope = requestScope();
  if (!scope || !headers) return;
  headers.set(REQUEST_ID_HEADER, scope.id);
  injectTraceContext(outgoing.get(request) ?? scope.trace, headers);
}
