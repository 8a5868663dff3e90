import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Pages are prerendered; the parts read from the database are cached per piece and revalidated
  // by tag on every write (see lib/content and, later, the ratings and comments modules).
  cacheComponents: true,
  // With partial prefetching on, the first request after a revalidation served stale data.
  partialPrefetching: false,
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
