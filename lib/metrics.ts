import { Counter, Histogram, Registry } from 'prom-client';
import { ApiError } from '@/lib/errors';

// The process's Prometheus metrics (prom-client): one registry per process, kept on globalThis
// because Next bundles instrumentation.ts and the routes apart, each with its own copy of this
// module, and the cache hooks (lib/cache/*.cjs, loaded outside the bundle) count through the same
// symbol. lib/http/metrics-server.ts adds the gauges read at each scrape and serves the registry
// on METRICS_PORT. Names follow Prometheus's conventions: a `magazine_` prefix, base units
// (seconds), `_total` for counters; `route` is a route pattern (/[section]/[slug]), never a path.

/** What a reader's write came to: stored (published or held), refused by its rules, or failed. */
export type WriteOutcome = 'ok' | 'limited' | 'banned' | 'refused' | 'error';
export type WriteKind = 'rating' | 'comment' | 'useful' | 'report' | 'notice' | 'subscription';

function create() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'magazine_http_requests_total',
      help: 'Requêtes HTTP servies, par méthode, motif de route et statut',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: 'magazine_http_request_duration_seconds',
      help: 'Durée des requêtes HTTP, de leur arrivée à la fin de la réponse, par méthode et motif de route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    requestErrors: new Counter({
      name: 'magazine_request_errors_total',
      help: 'Erreurs du serveur vues par Next (onRequestError), par type de route : render, route, action, proxy',
      labelNames: ['route_type'] as const,
      registers,
    }),
    cacheOperations: new Counter({
      name: 'magazine_cache_operations_total',
      help: 'Opérations des deux crochets de cache de Next (incremental, use-cache), en mémoire ou dans Redis : get (hit, miss), set (stored, skipped)',
      labelNames: ['cache', 'store', 'op', 'result'] as const,
      registers,
    }),
    writes: new Counter({
      name: 'magazine_writes_total',
      help: 'Écritures des lecteurs (note, commentaire, utile, signalement, notification DSA, inscription à la lettre), par issue',
      labelNames: ['kind', 'outcome'] as const,
      registers,
    }),
    emails: new Counter({
      name: 'magazine_email_sent_total',
      help: 'E-mails envoyés (sent), affichés faute de EMAIL_SERVER (printed) ou en échec (failed), par sorte',
      labelNames: ['kind', 'result'] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const METRICS = Symbol.for('placedesreseaux.metrics');

/** The process's metrics, made on first use. */
export function metrics(): Metrics {
  const global = globalThis as { [METRICS]?: Metrics };
  return (global[METRICS] ??= create());
}

/** The outcome of a failed write, from its error. */
export function writeOutcome(error: unknown): WriteOutcome {
  if (!(error instanceof ApiError)) return 'error';
  if (error.code === 'rate_limited') return 'limited';
  if (error.code === 'banned') return 'banned';
  return error.status < 500 ? 'refused' : 'error';
}

/** Runs a reader's write and counts its outcome. */
export async function countedWrite<T>(kind: WriteKind, write: () => Promise<T>): Promise<T> {
  try {
    const result = await write();
    metrics().writes.inc({ kind, outcome: 'ok' });
    return result;
  } catch (error) {
    metrics().writes.inc({ kind, outcome: writeOutcome(error) });
    throw error;
  }
}
