import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { optionalString } from '@vo/kit';
import { z } from 'zod';

/** OpenTelemetry's own variable: without it the gateway runs no tracer and sends nothing anywhere. */
export const tracingEnv = {
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OTEL_SERVICE_NAME: z.string().min(1).default('vo-gateway'),
};

/**
 * Starts a tracer exporting spans over OTLP/HTTP to `<endpoint>/v1/traces` (the collector's default path), so the
 * gateway's spans and its subgraph fetches join the callers' traces. Undefined when no endpoint is configured.
 */
export function startTracing(config: { OTEL_EXPORTER_OTLP_ENDPOINT?: string; OTEL_SERVICE_NAME: string }) {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const url = new URL('v1/traces', config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/?$/, '/')).toString();
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': config.OTEL_SERVICE_NAME }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  // Also installs the W3C propagator and the async context manager @apollo/gateway's own spans use.
  provider.register();
  return { url, shutdown: () => provider.shutdown() };
}
