import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Pages are prerendered; the parts read from the database are cached per piece and revalidated
  // by tag on every write (see lib/content and, later, the ratings and comments modules).
  cacheComponents: true,
  // With partial prefetching on, the first request after a revalidation served stale data.
  partialPrefetching: false,
  // The browser tests build into their own folder, so they never replace the developer's build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Types are checked once, by `npm run typecheck` (and CI), not again inside every build.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
};

export default nextConfig;
