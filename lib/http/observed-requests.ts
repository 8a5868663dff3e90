import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Counter, Histogram } from 'prom-client';
import { beforeEveryRequest } from '@/lib/http/server-requests';
import { activeTrace, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

// What an operator sees of each request (issue 30), from one hook that runs before every other:
// at its end, one JSON line at LOG_LEVEL info (method, route pattern, status, duration, its id
// given by lib/http/server-requests.ts, its trace with OTEL_EXPORTER_OTLP_ENDPOINT), and with
// METRICS_PORT its count and duration under its route pattern (magazine_http_requests_total,
// magazine_http_request_duration_seconds).

type RoutesManifest = { staticRoutes: Array<{ page: string }>; dynamicRoutes: Array<{ page: string; regex: string }> };

/** Route patterns of the build (its routes manifest), in the order Next matches them. */
function loadRoutes(): { exact: Set<string>; dynamic: Array<{ page: string; regex: RegExp }> } {
  try {
    const file = path.join(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next', 'routes-manifest.json');
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as RoutesManifest;
    return { exact: new Set(manifest.staticRoutes.map((route) => route.page)), dynamic: manifest.dynamicRoutes.map((route) => ({ page: route.page, regex: new RegExp(route.regex) })) };
  } catch {
    return { exact: new Set(), dynamic: [] };
  }
}

const MAX_REMEMBERED = 5000;

/** The route pattern a path is served by (`/[section]/[slug]`), never the path itself: a bounded set of labels. */
export function routeMatcher(routes = loadRoutes()): (pathname: string) => string {
  const known = new Map<string, string>();
  const find = (pathname: string): string => {
    if (pathname.startsWith('/_next/static/')) return '/_next/static';
    if (pathname.startsWith('/_next/image')) return '/_next/image';
    const bare = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    if (routes.exact.has(bare)) return bare;
    for (const route of routes.dynamic) if (route.regex.test(bare)) return route.page;
    return /\.[a-z0-9]{2,5}$/i.test(bare) ? '(fichier public)' : '(inconnue)';
  };
  return (pathname) => {
    let route = known.get(pathname);
    if (route === undefined) {
      if (known.size >= MAX_REMEMBERED) known.clear();
      route = find(pathname);
      known.set(pathname, route);
    }
    return route;
  };
}

const STARTED = Symbol('placedesreseaux.started');
const PATH = Symbol('placedesreseaux.path');
const ID = Symbol('placedesreseaux.requestId');
const TRACE = Symbol('placedesreseaux.trace');
// The path as it came: the request guard rewrites an unknown page's to the 404 page's.
type Observed = ServerResponse & { [STARTED]?: number; [PATH]?: string; [ID]?: string; [TRACE]?: ReturnType<typeof activeTrace> };

/** A method a client made up is counted as OTHER: a label's values stay few. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

type Series = { requests: Counter.Internal; duration: Histogram.Internal<'method' | 'route'> };
const SERIES = new Map<string, Series>();

/** The counter and histogram of one method, route and status, looked up once (prom-client hashes labels on each call otherwise). */
function seriesOf(method: string, route: string, status: number): Series {
  const key = `${method} ${status} ${route}`;
  let series = SERIES.get(key);
  if (!series) {
    const { httpRequests, httpDuration } = metrics();
    series = { requests: httpRequests.labels(method, route, String(status)), duration: httpDuration.labels(method, route) };
    SERIES.set(key, series);
  }
  return series;
}

let routeOf: (pathname: string) => string = () => '(inconnue)';
let counting = false;
let logging = false;
const log = () => logger('http');

/** A request's end: counted and logged once (one function for all: no closure per request). */
function finished(this: Observed): void {
  const started = this[STARTED];
  if (started === undefined) return;
  const seconds = (performance.now() - started) / 1000;
  const url = this[PATH] ?? '/';
  const query = url.indexOf('?');
  const route = routeOf(query === -1 ? url : url.slice(0, query));
  const method = METHODS.has(this.req.method ?? '') ? (this.req.method as string) : 'OTHER';
  const status = this.statusCode;
  if (counting) {
    const series = seriesOf(method, route, status);
    series.requests.inc();
    series.duration.observe(seconds);
  }
  const lines = log();
  if (logging && lines.isLevelEnabled('info')) {
    const durationMs = Math.round(seconds * 10_000) / 10;
    lines.info({ request_id: this[ID], method, route, status, duration_ms: durationMs, ...this[TRACE] }, `${method} ${route} ${status} (${durationMs} ms)`);
  }
}

/**
 * Once per process: every request logged at its end with `log` (a production server: under
 * `npm run dev`, Next prints its own line for each, and routes come and go) and counted with
 * `count` (METRICS_PORT).
 */
export function observeRequests({ count, log: logRequests }: { count: boolean; log: boolean }): void {
  routeOf = routeMatcher();
  counting = count;
  logging = logRequests;
  beforeEveryRequest('observed', (request: IncomingMessage, response: ServerResponse) => {
    const observed = response as Observed;
    observed[STARTED] = performance.now();
    observed[PATH] = request.url;
    observed[ID] = request.headers['x-request-id'] as string;
    // The trace opened for this request (OpenTelemetry's HTTP span), while it is the active one.
    const trace = activeTrace();
    if (trace.trace_id) observed[TRACE] = trace;
    response.on('finish', finished);
    return false;
  });
}
