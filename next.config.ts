import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import { builtId, newBuildId } from './lib/build-id';

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
// Both of Next's cache hooks: in Redis with REDIS_URL (several instances), in memory without
// (lib/cache/README.md). Absolute paths, so each copy of a build loads its own files.
const cacheHandler = path.resolve('lib/cache/incremental-cache-handler.cjs');
const useCacheHandler = path.resolve('lib/cache/use-cache-handler.cjs');

const nextConfig = (phase: string): NextConfig => ({
  cacheHandler,
  cacheHandlers: { default: useCacheHandler, remote: useCacheHandler },
  // One build, several instances: one id for the build and for the browsers' files.
  generateBuildId: () => newBuildId(),
  deploymentId: phase === PHASE_PRODUCTION_BUILD ? newBuildId() : phase === PHASE_PRODUCTION_SERVER ? (builtId(distDir) ?? undefined) : undefined,
  // Pages are prerendered; the parts read from the database are cached per piece and revalidated
  // by tag on every write (see lib/content and, later, the ratings and comments modules).
  cacheComponents: true,
  // With partial prefetching on, the first request after a revalidation served stale data.
  partialPrefetching: false,
  cacheLife: {
    // What is cached while the database cannot be reached: retried after 15 s. Its expiry of
    // 5 minutes keeps it in prerenders (a shorter one would make the section a dynamic hole).
    unavailable: { stale: 30, revalidate: 15, expire: 300 },
  },
  // The browser tests build into their own folder, so they never replace the developer's build.
  distDir,
  poweredByHeader: false,
  // Loaded by Node as they are, not bundled: one copy of prom-client's registry per process, whichever
  // of the routes' and instrumentation's bundles asks for it (lib/metrics.ts); OpenTelemetry loaded
  // only when asked for, its hooks seeing `pg` required (lib/tracing.ts). pino is already
  // one of Next's own (lib/log.ts).
  serverExternalPackages: [
    'prom-client',
    '@opentelemetry/api',
    '@opentelemetry/sdk-node',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/instrumentation-http',
    '@opentelemetry/instrumentation-pg',
    '@opentelemetry/instrumentation-undici',
  ],
  // The security headers are not `headers()` rules here, which Next matches and compiles on every
  // request, but one request hook (lib/http/security-headers.ts, installed by instrumentation.ts).
  // Each page's ETag is hashed once per page, with its bytes (lib/http/response-bytes.ts), not by
  // Next over the whole HTML on every request.
  generateEtags: false,
  // Covers and portraits (components/article/pictures.tsx): AVIF where the browser takes it,
  // WebP otherwise, at the widths our layouts ask for (the column is at most 62rem, 992 px, so
  // 1984 px at 2x); the original JPEG or PNG stays the social image.
  images: {
    formats: ['image/avif', 'image/webp'],
    // Kept 31 days by browsers and by the optimiser's own cache (4 hours by default): in
    // production their address carries the build's id (dpl=…), so a new build's pictures, even
    // a file replaced under the same name, have new addresses.
    minimumCacheTTL: 2_678_400,
    deviceSizes: [360, 480, 640, 750, 828, 992, 1200, 1600, 1984],
    imageSizes: [56, 112, 224, 320],
  },
  experimental: {
    // Pages regenerated after a write are also saved in the build folder, so a restart keeps
    // them. The tests serve one build from several databases at once and turn that off.
    isrFlushToDisk: process.env.NEXT_ISR_FLUSH_TO_DISK !== '0',
    // forbidden() and unauthorized() for the editors' desk: real 403 and 401 answers.
    authInterrupts: true,
  },
  // Types are checked once, by `npm run typecheck` (and CI), not again inside every build. The
  // test build, in its own folder, gets a tsconfig of its own, which Next may rewrite at will.
  typescript: { ignoreBuildErrors: true, tsconfigPath: process.env.NEXT_TSCONFIG ?? 'tsconfig.json' },
  reactStrictMode: true,
});

export default nextConfig;
