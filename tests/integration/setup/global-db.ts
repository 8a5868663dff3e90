import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type DatabaseKind } from './database';
import { startSmtp } from '../../fixtures/smtp';
import { freePort, NEXT_BIN, startServer } from './next-server';

import { TEST_SECRET } from '../../fixtures/test-env.mjs';

export { TEST_SECRET };

export const EDITOR_EMAIL = 'redaction@exemple.fr';
/** The desk's address: the Reply-To of what the desk writes to readers. */
export const EDITOR_REPLY_TO = 'moderation@exemple.fr';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    baseUrl: string;
    databaseKind: DatabaseKind;
    mailDir: string;
    emailServer: string;
  }
}

/**
 * For each database project: a fresh database built from the committed migrations, and the
 * production build of the test archive served against it (behind one trusted proxy, so tests
 * can act as readers from many addresses with X-Forwarded-For).
 */
export default async function setup(project: TestProject) {
  const kind: DatabaseKind = project.name === 'db-embedded' ? 'embedded' : 'server';
  const database = await createTestDatabase(kind);
  const mailDir = mkdtempSync(path.join(tmpdir(), `pdr-mail-${kind}-`));
  const smtp = await startSmtp(mailDir);
  const port = await freePort();
  const server = await startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    DATABASE_URL: database.url,
    AUTH_SECRET: TEST_SECRET,
    TRUST_PROXY: '1',
    SITE_URL: `http://127.0.0.1:${port}`,
    EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
    EDITOR_EMAILS: EDITOR_EMAIL,
    EDITOR_REPLY_TO: EDITOR_REPLY_TO,
    // The tests drive the letter themselves, with a controlled clock (tests/integration/newsletter).
    NEWSLETTER_INTERVAL_SECONDS: '0',
    // The audience's beacons written every second, so that a test reads them soon.
    AUDIENCE_FLUSH_SECONDS: '1',
  }, port);
  project.provide('databaseUrl', database.url);
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseKind', kind);
  project.provide('mailDir', mailDir);
  project.provide('emailServer', `smtp://127.0.0.1:${smtp.port}`);
  return async () => {
    await server.stop();
    await smtp.close();
    await database.dispose();
    rmSync(mailDir, { recursive: true, force: true });
  };
}
