import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../setup/global-db';
import { databaseUrl } from '../setup/helpers';
import { freePort, NEXT_BIN, startServer, type RunningServer } from '../setup/next-server';

// With OTEL_EXPORTER_OTLP_ENDPOINT, an instance sends its traces over OTLP/HTTP: here to a small
// receiver that keeps what it is sent, as a collector (Jaeger, Tempo, the OpenTelemetry
// Collector) would. A request that arrives with a W3C traceparent continues that trace: its HTTP
// span, Next's spans and its PostgreSQL query arrive under that trace id, and its log line names it.

type Span = { traceId: string; spanId: string; name: string; attributes?: Array<{ key: string; value: Record<string, unknown> }> };
type Export = { resourceSpans: Array<{ resource?: { attributes?: Span['attributes'] }; scopeSpans: Array<{ scope: { name: string }; spans: Span[] }> }> };

describe('the traces of an instance (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  const received: Array<Span & { scope: string; service?: unknown }> = [];
  let receiver: http.Server;
  let server: RunningServer;
  let loaded: string;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (request.url === '/v1/traces' && request.headers['content-type']?.includes('json')) {
          for (const resource of (JSON.parse(body) as Export).resourceSpans) {
            const service = resource.resource?.attributes?.find((attribute) => attribute.key === 'service.name')?.value.stringValue;
            for (const scope of resource.scopeSpans) for (const span of scope.spans) received.push({ ...span, scope: scope.scope.name, service });
          }
        }
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    const receiverPort = await freePort();
    await new Promise<void>((resolve) => receiver.listen(receiverPort, '127.0.0.1', resolve));
    loaded = mkdtempSync(path.join(tmpdir(), 'pdr-traces-'));
    const port = await freePort();
    server = await startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_SECRET,
      SITE_URL: `http://127.0.0.1:${port}`,
      NEWSLETTER_INTERVAL_SECONDS: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
      // Spans sent a tenth of a second after they end, not five.
      OTEL_BSP_SCHEDULE_DELAY: '100',
      NODE_OPTIONS: `--import ${pathToFileURL(path.resolve('tests/fixtures/loaded-packages.mjs')).href}`,
      LOADED_PACKAGES_DIR: loaded,
    }, port);
  });

  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
    rmSync(loaded, { recursive: true, force: true });
  });

  it('sends a request’s trace with its HTTP span, Next’s spans and its PostgreSQL query, and its log line carries the trace id', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${server.baseUrl}/api/health`, { headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` } });
    expect(response.status).toBe(200);
    const deadline = Date.now() + 20_000;
    const ofTrace = () => received.filter((span) => span.traceId === traceId);
    const query = () => ofTrace().find((span) => span.scope.includes('instrumentation-pg') && span.name.includes('SELECT'));
    const incoming = () => ofTrace().find((span) => span.scope.includes('instrumentation-http'));
    while (!(query() && incoming()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const spans = ofTrace();
    expect(query(), JSON.stringify(spans.map((span) => [span.scope, span.name]))).toBeDefined();
    expect(query()?.attributes?.find((attribute) => attribute.key.startsWith('db.system'))?.value.stringValue).toBe('postgresql');
    expect(incoming()).toBeDefined();
    expect(spans.some((span) => span.scope === 'next.js')).toBe(true);
    expect(spans[0]?.service).toBe('place-des-reseaux');

    const logged = server
      .streams()
      .stdout.split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { module?: string; route?: string; trace_id?: string; request_id?: string });
    expect(logged.find((line) => line.module === 'http' && line.route === '/api/health' && line.trace_id === traceId)).toMatchObject({ request_id: response.headers.get('x-request-id') });
  });

  it('loads OpenTelemetry’s SDK and instrumentations only then (the log test checks it does not without)', async () => {
    await server.stop();
    const packages = readdirSync(loaded).flatMap((file) => readFileSync(path.join(loaded, file), 'utf8').split('\n'));
    expect(packages).toEqual(expect.arrayContaining(['@opentelemetry/sdk-node', '@opentelemetry/instrumentation-pg', '@opentelemetry/exporter-trace-otlp-http']));
  });
});
