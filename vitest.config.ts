import path from 'node:path';
import { defineConfig } from 'vitest/config';

const database = (name: 'db-server' | 'db-embedded', order: number) => ({
  extends: true as const,
  test: {
    name,
    // The integration tests of lib/'s domains, each folder named after the one it tests.
    include: ['tests/integration/{accounts,audience,db,desk,http,live,newsletter,publishing,readers}/**/*.test.ts'],
    globalSetup: ['tests/integration/setup/global-db.ts'],
    setupFiles: ['tests/integration/setup/env.ts'],
    // The files of one database share it: one at a time keeps their figures their own.
    fileParallelism: false,
    sequence: { groupOrder: order },
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      'server-only': path.resolve(import.meta.dirname, 'tests/fixtures/server-only.ts'),
    },
  },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/app/**/*.test.ts', 'tests/integration/content/**/*.test.ts'],
          exclude: ['tests/integration/app/instances.test.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      database('db-server', 1),
      database('db-embedded', 2),
      // Two instances, nginx and a load of 20 s: alone, last, so that nothing else's timing pays for it.
      { extends: true, test: { name: 'instances', include: ['tests/integration/app/instances.test.ts'], sequence: { groupOrder: 3 } } },
    ],
  },
});
