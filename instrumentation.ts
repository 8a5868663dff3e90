// Next passes a client's own X-Forwarded-For through and offers route handlers no way to read
// the TCP peer's address. Stamp every incoming request with that address, under a header of
// ours that a client cannot forge (it is overwritten), before Next handles it. And send pages
// from bytes encoded and hashed once per page rather than once per reader (lib/http/response-bytes.ts).
// And answer, before Next, methods a route does not support (405) and page paths that name
// nothing the magazine has (its real 404 page) (lib/http/request-guard.ts). And count requests
// in flight, to stop without losing one on SIGTERM (lib/http/instance.ts). And bring the
// archive's search table to this build's content (lib/publishing/archive-search.ts), then send
// the letters due (lib/newsletter/worker.ts). And take the audience's beacons, after every other
// hook, and write them in batches (lib/http/views.ts, lib/audience/beacons.ts). And give every
// answer, the hooks' own included, the security headers (lib/http/security-headers.ts). And,
// first of all, give each request its id (lib/http/server-requests.ts), log it at its end and, with
// METRICS_PORT, count it under its route pattern (lib/http/observed-requests.ts), and serve the metrics for Prometheus on a port
// of their own (lib/http/metrics-server.ts). Before anything, with OTEL_EXPORTER_OTLP_ENDPOINT,
// start the traces (lib/tracing.ts); in production, what Next and the libraries print on the
// console becomes log lines too (lib/log.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const serving = process.env.NEXT_PHASE !== 'phase-production-build';
    if (serving) {
      // The request hooks' patch first, then the traces: their HTTP span wraps it (every request,
      // those the hooks answer included, is traced, and the hooks run inside its span), and their
      // hooks see `pg` required by what follows.
      const [{ installRequestHooks }, { startTracing }, { routeConsoleToLog }] = await Promise.all([
        import('./lib/http/server-requests'),
        import('./lib/tracing'),
        import('./lib/log'),
      ]);
      installRequestHooks();
      await startTracing();
      if (process.env.NODE_ENV === 'production') routeConsoleToLog();
    }
    const [{ countViews }, { manageInstance }, { stampRemoteAddress }, { sendPagesAsBytes }, { guardRequests }, { showUnpublished }, { sendSecurityHeaders }] = await Promise.all([
      import('./lib/http/views'),
      import('./lib/http/instance'),
      import('./lib/http/remote-address'),
      import('./lib/http/response-bytes'),
      import('./lib/http/request-guard'),
      import('./lib/env'),
      import('./lib/http/security-headers'),
    ]);
    // Each hook installed runs before those installed earlier: the beacons' last.
    countViews();
    manageInstance();
    stampRemoteAddress();
    sendPagesAsBytes();
    guardRequests(showUnpublished);
    sendSecurityHeaders(process.env.NODE_ENV === 'development');
    if (serving) {
      const [{ piecesSynced }, { startNewsletterWorker }, { startAudience }, { serveMetrics }, { observeRequests }, { env }, { failure, logger }] = await Promise.all([
        import('./lib/publishing/archive-search'),
        import('./lib/newsletter/worker'),
        import('./lib/audience/beacons'),
        import('./lib/http/metrics-server'),
        import('./lib/http/observed-requests'),
        import('./lib/env'),
        import('./lib/log'),
      ]);
      observeRequests({ count: env.METRICS_PORT !== undefined, log: process.env.NODE_ENV === 'production' });
      serveMetrics();
      startAudience();
      // The letter looks for what is due once the archive's mirror is up to date (or could not be).
      const synced = piecesSynced();
      void synced.catch(() => undefined).finally(startNewsletterWorker);
      const log = logger('recherche');
      synced.then(
        (report) => log.info({ ...report }, `archive synchronisée en ${report.milliseconds} ms : ${report.added} ajouté(s), ${report.changed} modifié(s), ${report.removed} retiré(s), ${report.unchanged} inchangé(s)`),
        (error: unknown) => log.error({ err: failure(error) }, 'archive non synchronisée (nouvel essai à la prochaine recherche)'),
      );
    }
  }
}

type ErrorRequest = { method: string; headers: Record<string, string | string[] | undefined> };
type ErrorContext = { routeType: string; routePath: string; routerKind: string };

/**
 * Every error Next sees while serving (a render, a route handler, a server action): counted by
 * kind, and logged with its digest (the number the reader's error page shows), its stack and its
 * request's id.
 */
export async function onRequestError(error: unknown, request: ErrorRequest, context: ErrorContext) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const [{ metrics }, { failure, logger }] = await Promise.all([import('./lib/metrics'), import('./lib/log')]);
  metrics().requestErrors.inc({ route_type: context.routeType });
  const digest = (error as { digest?: unknown } | null)?.digest;
  logger('next').error(
    { err: failure(error), digest, request_id: request.headers['x-request-id'], method: request.method, route: context.routePath, route_type: context.routeType },
    `erreur du serveur sur ${context.routePath}${typeof digest === 'string' ? ` (digest ${digest})` : ''}`,
  );
}
