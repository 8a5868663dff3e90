import { env } from '@/lib/env';
import { failure, logger, traceLogsWith } from '@/lib/log';

// OpenTelemetry traces (issue 30), only with OTEL_EXPORTER_OTLP_ENDPOINT: without it nothing of
// OpenTelemetry is loaded (these imports are dynamic, and the packages are outside Next's bundles,
// in next.config.ts's serverExternalPackages, so their hooks see `pg` required).
// NodeSDK sends over OTLP/HTTP (JSON) the spans of each request: Node's HTTP server and client,
// Next's own (rendering, route handlers, the cache), PostgreSQL's queries, `fetch`;
// OTEL_TRACES_SAMPLER and the other OTEL_* variables of the specification apply. Redis's commands
// have no spans of their own: @opentelemetry/instrumentation-redis knows node-redis up to 5, we
// run 6, whose own OpenTelemetry support is metrics only; they show inside Next's cache spans.
// Each log line written while a span is active carries its trace_id and span_id (lib/log.ts).
// The SDK is its 2.x line (0.223): the 3.x line (0.30x) asks for Node 22.15, and we run on 20.

type Stoppable = { shutdown(): Promise<void> };
const SDK = Symbol.for('placedesreseaux.tracing');

/** Starts the traces once per process, before what they watch is loaded (instrumentation.ts). */
export async function startTracing(): Promise<void> {
  const global = globalThis as { [SDK]?: Stoppable | null };
  if (global[SDK] !== undefined) return;
  global[SDK] = null;
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return;
  const [{ trace }, { NodeSDK }, { OTLPTraceExporter }, { HttpInstrumentation }, { PgInstrumentation }, { UndiciInstrumentation }] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/sdk-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-undici'),
  ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME,
    traceExporter: new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
    // Traces only: the metrics are Prometheus's (lib/metrics.ts), the logs pino's.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      // The browsers' files and pictures are not worth a trace each.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => request.url?.startsWith('/_next/static/') ?? false }),
      new PgInstrumentation(),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  global[SDK] = sdk;
  traceLogsWith(() => {
    const context = trace.getActiveSpan()?.spanContext();
    return context ? { trace_id: context.traceId, span_id: context.spanId } : {};
  });
  logger('traces').info(`traces OpenTelemetry envoyées à ${endpoint}`);
}

/** Sends the spans not yet sent (an instance that stops: lib/http/instance.ts). */
export async function stopTracing(): Promise<void> {
  const sdk = (globalThis as { [SDK]?: Stoppable | null })[SDK];
  if (sdk) await sdk.shutdown().catch((error: unknown) => logger('traces').warn({ err: failure(error) }, 'dernières traces non envoyées'));
}
