import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { collectDefaultMetrics, Gauge } from 'prom-client';
import { builtId } from '@/lib/build-id';
import { poolState } from '@/lib/db/client';
import { readBackupStatus } from '@/lib/db/backups';
import { backupDirectory, env } from '@/lib/env';
import { instanceState, sharedCacheReachable } from '@/lib/http/instance';
import { withoutHooks } from '@/lib/http/server-requests';
import { failure, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';
import { deliveryTotals } from '@/lib/newsletter/delivery';
import { sameToken } from '@/lib/tokens';

// The operator's view of an instance (issue 30): a server apart, on METRICS_PORT, that answers
// GET /metrics for Prometheus (each request is counted by lib/http/observed-requests.ts). It
// listens on 127.0.0.1 unless METRICS_HOST says otherwise, is never routed by deploy/nginx.conf,
// and with METRICS_TOKEN asks for it as a bearer token.

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

/** With METRICS_PORT (once per process): serves the metrics on that port. */
export function serveMetrics(): void {
  const global = globalThis as { [SERVER]?: true };
  if (global[SERVER]) return;
  global[SERVER] = true;
  if (env.METRICS_PORT === undefined) return;
  const log = logger('métriques');
  registerGauges();
  const server = withoutHooks(
    http.createServer((request, response) => {
      scrape(request, response).catch((error: unknown) => {
        log.error({ err: failure(error) }, 'lecture des métriques impossible');
        if (!response.headersSent) answer(response, 500, 'Les métriques n’ont pas pu être lues.\n');
      });
    }),
  );
  server.on('error', (error) => log.error({ err: error }, `port ${env.METRICS_PORT} des métriques indisponible`));
  server.listen(env.METRICS_PORT, env.METRICS_HOST, () => log.info(`métriques servies à http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics`));
  // The metrics server never keeps a stopping instance alive.
  server.unref();
}
