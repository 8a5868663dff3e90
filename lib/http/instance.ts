import type { Server, ServerResponse } from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { flushAudience } from '@/lib/audience/beacons';
import { closeDatabase, databaseAnswers } from '@/lib/db/client';
import { env } from '@/lib/env';
import { closeLiveStreams } from '@/lib/live/streams';
import { beforeEveryRequest } from '@/lib/http/server-requests';
import { failure, logger } from '@/lib/log';
import { stopTracing } from '@/lib/tracing';

// One instance among several behind nginx: its health, for the load balancer and the operator,
// and its end. On SIGTERM (a rolling restart, systemd's stop) it stops accepting connections,
// lets its in-flight requests finish and its keep-alive connections end (each answer now says
// `Connection: close`; DRAIN_TIMEOUT_MS at most, then it closes what is left), then closes its
// database pool and its Redis connections, and exits 0. Next's own handler (server.close() with
// no bound, then exit 143) is switched off by NEXT_MANUAL_SIG_HANDLE, which `npm start` sets.

type SharedCache = { reachable(): Promise<boolean>; close(): Promise<void> };
type State = { draining: boolean; inFlight: Set<ServerResponse>; servers: Set<Server> };

const STATE = Symbol.for('placedesreseaux.instance');
const state = ((globalThis as { [STATE]?: State })[STATE] ??= { draining: false, inFlight: new Set(), servers: new Set() });

/** The shared cache of lib/cache (loaded as Next loads it: plain CommonJS, outside the bundle), or null without REDIS_URL. */
async function sharedCache(): Promise<SharedCache | null> {
  if (!env.REDIS_URL) return null;
  const file = pathToFileURL(path.join(process.cwd(), 'lib/cache/shared-cache.cjs')).href;
  const cacheModule = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file)) as { sharedCache: () => SharedCache | null };
  return cacheModule.sharedCache();
}

export type Health = {
  status: 'ok' | 'degraded' | 'unavailable' | 'draining';
  database: 'ok' | 'unavailable';
  cache: 'memory' | 'redis' | 'unavailable';
};

/**
 * What the instance can do now. Unavailable without its database, or while draining; degraded
 * when Redis is away (pages are served and writes commit; figures may lag 15 s on the other
 * instances): a load balancer keeps it, since every instance shares the same Redis.
 */
export async function health(): Promise<Health> {
  const cacheState = async (): Promise<Health['cache']> => {
    const shared = await sharedCache();
    if (shared === null) return 'memory';
    return (await shared.reachable()) ? 'redis' : 'unavailable';
  };
  const [database, cache] = await Promise.all([
    databaseAnswers().then((answers): Health['database'] => (answers ? 'ok' : 'unavailable')),
    cacheState().catch((): Health['cache'] => 'unavailable'),
  ]);
  const status = state.draining ? 'draining' : database === 'unavailable' ? 'unavailable' : cache === 'unavailable' ? 'degraded' : 'ok';
  return { status, database, cache };
}

/** Whether the shared cache (Redis) answers now; null without REDIS_URL. */
export async function sharedCacheReachable(): Promise<boolean | null> {
  const shared = await sharedCache().catch(() => undefined);
  if (shared === null) return null;
  return shared ? shared.reachable().catch(() => false) : false;
}

/** What the metrics say of this instance: its requests in flight, and whether it is stopping. */
export function instanceState(): { inFlight: number; draining: boolean } {
  return { inFlight: state.inFlight.size, draining: state.draining };
}

/** Open connections of every server of this process, idle or not. */
async function openConnections(): Promise<number> {
  const counts = await Promise.all(
    [...state.servers].map((server) => new Promise<number>((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)))),
  );
  return counts.reduce((total, count) => total + count, 0);
}

async function drain(): Promise<void> {
  if (state.draining) return;
  state.draining = true;
  const started = Date.now();
  const log = logger('instance');
  log.info(`arrêt demandé : plus de nouvelles connexions, ${state.inFlight.size} requête(s) en cours à terminer`);
  for (const response of state.inFlight) response.shouldKeepAlive = false;
  // Stop listening, but leave idle keep-alive connections open: closing one under nginx's feet
  // resets the request it may be sending on it. Each is closed after its next answer, or by the
  // client when it is idle long enough (nginx's upstream keepalive_timeout, deploy/nginx.conf).
  for (const server of state.servers) net.Server.prototype.close.call(server);
  // Live streams never end by themselves: ended now, their readers reconnect to another instance.
  await closeLiveStreams().catch((error: unknown) => log.error({ err: failure(error) }, 'flux en direct non fermés'));
  while (((await openConnections()) > 0 || state.inFlight.size > 0) && Date.now() - started < env.DRAIN_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  if (state.inFlight.size > 0) log.error(`${state.inFlight.size} requête(s) encore en cours après ${env.DRAIN_TIMEOUT_MS} ms : connexions fermées`);
  for (const server of state.servers) server.closeAllConnections();
  // The audience's last beacons, written before the pool closes.
  await flushAudience();
  const cache = await sharedCache().catch(() => null);
  await Promise.allSettled([closeDatabase(), cache?.close(), stopTracing()]);
  log.info(`arrêtée proprement en ${Date.now() - started} ms`);
  process.exit(0);
}

/** A request's end (one function for all: no closure made per request). */
function leave(this: ServerResponse): void {
  state.inFlight.delete(this);
}

/** Counts the requests in flight on every server of this process, and drains them on SIGTERM or SIGINT. */
export function manageInstance(): void {
  beforeEveryRequest('instance', (request, response) => {
    const server = (request.socket as { server?: Server }).server;
    if (server) state.servers.add(server);
    state.inFlight.add(response);
    response.on('close', leave);
    // While draining, each answer closes its connection: the client opens a new one elsewhere.
    if (state.draining) response.shouldKeepAlive = false;
    return false;
  });
  // `next start` only: `next dev` and the build's workers stop as Next decides.
  if (process.env.NODE_ENV !== 'production' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // `on`, not `once`: a second signal (systemd and the launcher both send one) must not kill the
  // process in the middle of its drain.
  process.on('SIGTERM', () => void drain());
  process.on('SIGINT', () => void drain());
}
