import { defineConfig } from '@playwright/test';
import { E2E_DATA_DIR, E2E_PORT as PORT, PREVIEW_SECRET, TEST_SECRET } from './tests/fixtures/test-env.mjs';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The specs that run axe on many pages spend 1.5 to 2.5 s on each run: 30 s was too short for
  // them on a busy machine (the fresh-clone CI of 2 December timed out three of them).
  timeout: 60_000,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work on this network.
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // Built beforehand by scripts/test.mjs into its own folder, from the test archive; served by
    // the launcher of `npm start`, on the embedded database the build used.
    command: `node --import tsx scripts/serve.ts start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { NEXT_DIST_DIR: '.next-e2e', NEXT_ISR_FLUSH_TO_DISK: '0', SITE_URL: `http://127.0.0.1:${PORT}`, DATA_DIR: E2E_DATA_DIR, AUTH_SECRET: TEST_SECRET, PREVIEW_SECRET, DATABASE_URL: '', AUDIENCE_FLUSH_SECONDS: '1' },
  },
});
