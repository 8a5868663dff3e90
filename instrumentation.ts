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
// with METRICS_PORT, count every request under its route pattern, first of all, and serve the
// metrics for Prometheus on a port of their own (lib/http/metrics-server.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
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
    if (process.env.NEXT_PHASE !== 'phase-production-build') {
      const [{ piecesSynced }, { startNewsletterWorker }, { startAudience }, { serveMetrics }] = await Promise.all([
        import('./lib/publishing/archive-search'),
        import('./lib/newsletter/worker'),
        import('./lib/audience/beacons'),
        import('./lib/http/metrics-server'),
      ]);
      serveMetrics();
      startAudience();
      // The letter looks for what is due once the archive's mirror is up to date (or could not be).
      const synced = piecesSynced();
      void synced.catch(() => undefined).finally(startNewsletterWorker);
      synced.then(
        (report) => console.log(`[recherche] archive synchronisée en ${report.milliseconds} ms : ${report.added} ajouté(s), ${report.changed} modifié(s), ${report.removed} retiré(s), ${report.unchanged} inchangé(s).`),
        (error: unknown) => console.error('[recherche] archive non synchronisée (nouvel essai à la prochaine recherche) :', error instanceof Error ? error.message : error),
      );
    }
  }
}

/** Every error Next sees while serving (a render, a route handler, a server action), counted by kind. */
export async function onRequestError(_error: unknown, _request: unknown, context: { routeType: string }) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { metrics } = await import('./lib/metrics');
  metrics().requestErrors.inc({ route_type: context.routeType });
}
