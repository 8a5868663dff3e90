import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, type Counter, Gauge, type Histogram } from 'prom-client';
import { builtId } from '@/lib/build-id';
import { poolState } from '@/lib/db/client';
import { readBackupStatus } from '@/lib/db/backups';
import { backupDirectory, env } from '@/lib/env';
import { instanceState, sharedCacheReachable } from '@/lib/http/instance';
import { beforeEveryRequest, withoutHooks } from '@/lib/http/server-requests';
import { metrics } from '@/lib/metrics';
import { deliveryTotals } from '@/lib/newsletter/delivery';
import { sameToken } from '@/lib/tokens';

// The operator's view of an instance (issue 30): every request counted under its route pattern
// with its duration, and a server apart, on METRICS_PORT, that answers GET /metrics for
// Prometheus. It listens on 127.0.0.1 unless METRICS_HOST says otherwise, is never routed by
// deploy/nginx.conf, and with METRICS_TOKEN asks for it as a bearer token.

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
// The path as it came: the request guard rewrites an unknown page's to the 404 page's.
type Timed = ServerResponse & { [STARTED]?: number; [PATH]?: string };

let routeOf: (pathname: string) => string = () => '(inconnue)';

/** A request's end: counted once, with its status and duration (one function for all: no closure per request). */
function finished(this: Timed): void {
  const started = this[STARTED];
  if (started === undefined) return;
  const url = this[PATH] ?? '/';
  const query = url.indexOf('?');
  const route = routeOf(query === -1 ? url : url.slice(0, query));
  const method = METHODS.has(this.req.method ?? '') ? (this.req.method as string) : 'OTHER';
  const series = seriesOf(method, route, this.statusCode);
  series.requests.inc();
  series.duration.observe((performance.now() - started) / 1000);
}

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

function observeRequests(): void {
  routeOf = routeMatcher();
  beforeEveryRequest('metrics', (request: IncomingMessage, response: ServerResponse) => {
    (response as Timed)[STARTED] = performance.now();
    (response as Timed)[PATH] = request.url;
    response.on('finish', finished);
    return false;
  });
}

/** The gauges read at each scrape: the instance, its pool, the letter's e-mails, the last backup, the build. */
function registerGauges(): void {
  const { registry } = metrics();
  const registers = [registry];
  // prom-client's own, for the process (CPU, memory, event loop, GC): observed only when served.
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'magazine_http_requests_in_flight',
    help: 'Requêtes HTTP en cours sur cette instance',
    registers,
    collect() {
      this.set(instanceState().inFlight);
    },
  });
  new Gauge({
    name: 'magazine_draining',
    help: '1 quand l’instance s’arrête (SIGTERM) et finit ses requêtes, 0 sinon',
    registers,
    collect() {
      this.set(instanceState().draining ? 1 : 0);
    },
  });
  new Gauge({
    name: 'magazine_db_pool_connections',
    help: 'Connexions du pool PostgreSQL de l’instance, en usage (busy) ou libres (idle), sur DB_POOL_MAX',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const pool = poolState();
      this.set({ state: 'busy' }, pool ? pool.total - pool.idle : 0);
      this.set({ state: 'idle' }, pool?.idle ?? 0);
      this.set({ state: 'max' }, env.DB_POOL_MAX);
    },
  });
  if (env.REDIS_URL) {
    new Gauge({
      name: 'magazine_redis_up',
      help: '1 quand Redis (REDIS_URL) répond, 0 sinon : l’instance sert encore, mais ses chiffres peuvent attendre 15 s sur les autres',
      registers,
      async collect() {
        this.set((await sharedCacheReachable()) ? 1 : 0);
      },
    });
  }
  new Gauge({
    name: 'magazine_db_pool_waiting_requests',
    help: 'Requêtes SQL qui attendent une connexion du pool',
    registers,
    collect() {
      this.set(poolState()?.waiting ?? 0);
    },
  });
  new Gauge({
    name: 'magazine_newsletter_deliveries',
    help: 'E-mails des lettres, par état : à envoyer (pending), envoyés (sent), en échec définitif (failed)',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      // A database away at this moment: the gauge keeps its last values, and the scrape answers.
      const totals = await deliveryTotals().catch(() => null);
      if (!totals) return;
      for (const [state, value] of Object.entries(totals)) this.set({ state }, value);
    },
  });
  if (env.DATABASE_EMBEDDED) {
    new Gauge({
      name: 'magazine_backup_last_success_timestamp_seconds',
      help: 'Heure (Unix, en secondes) de la dernière sauvegarde réussie de la base embarquée',
      registers,
      collect() {
        const at = readBackupStatus(backupDirectory()).lastSuccess?.at;
        this.set(at ? Date.parse(at) / 1000 : 0);
      },
    });
  }
  const buildInfo = new Gauge({ name: 'magazine_build_info', help: 'Toujours 1 : la version et le build servis', labelNames: ['version', 'build_id'] as const, registers });
  buildInfo.set({ version: packageVersion(), build_id: builtId(process.env.NEXT_DIST_DIR ?? '.next') ?? 'dev' }, 1);
}

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version?: string }).version ?? 'inconnue';
  } catch {
    return 'inconnue';
  }
}

function answer(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(text);
}

async function scrape(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const pathname = (request.url ?? '/').split('?')[0];
  if (pathname !== '/metrics') return answer(response, 404, 'Rien ici : les métriques sont à /metrics.\n');
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'Seules GET et HEAD sont acceptées.\n', { allow: 'GET, HEAD' });
  if (env.METRICS_TOKEN) {
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameToken(env.METRICS_TOKEN, given)) return answer(response, 401, 'Jeton absent ou faux : envoyez Authorization: Bearer <METRICS_TOKEN>.\n', { 'www-authenticate': 'Bearer realm="metrics"' });
  }
  const { registry } = metrics();
  const body = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const SERVER = Symbol.for('placedesreseaux.metricsServer');

/** With METRICS_PORT (once per process): counts every request, and serves the metrics on that port. */
export function serveMetrics(): void {
  const global = globalThis as { [SERVER]?: true };
  if (global[SERVER]) return;
  global[SERVER] = true;
  if (env.METRICS_PORT === undefined) return;
  observeRequests();
  registerGauges();
  const server = withoutHooks(
    http.createServer((request, response) => {
      scrape(request, response).catch((error: unknown) => {
        console.error('[métriques] lecture impossible :', error);
        if (!response.headersSent) answer(response, 500, 'Les métriques n’ont pas pu être lues.\n');
      });
    }),
  );
  server.on('error', (error) => console.error(`[métriques] port ${env.METRICS_PORT} indisponible :`, error.message));
  server.listen(env.METRICS_PORT, env.METRICS_HOST, () => console.log(`[métriques] http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics`));
  // The metrics server never keeps a stopping instance alive.
  server.unref();
}
