import { defaultTextMapGetter, defaultTextMapSetter, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { IncomingHttpHeaders } from 'node:http';

// Used directly rather than through the global API, so propagation works without any OpenTelemetry SDK loaded.
const w3c = new W3CTraceContextPropagator();

/** The caller's trace context from its traceparent and tracestate headers (the root context when absent or malformed). */
export function callerTraceContext(headers: IncomingHttpHeaders): Context {
  return w3c.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
}

/** The trace id a request belongs to, for its log lines; undefined without a valid traceparent. */
export function traceIdOf(context: Context): string | undefined {
  return trace.getSpanContext(context)?.traceId;
}

/** Sets traceparent (and tracestate) for an outgoing call made in `context`. */
export function injectTraceContext(context: Context, headers: { set(name: string, value: string): void }): void {
  const carrier: Record<string, string> = {};
  w3c.inject(context, carrier, defaultTextMapSetter);
  for (const [name, value] of Object.entries(carrier)) headers.set(name, value);
}
