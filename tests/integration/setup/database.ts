import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '@/lib/db/embedded-postgres';
import { migrate } from '@/lib/db/migrations';

export type DatabaseKind = 'server' | 'embedded';
export type TestDatabase = { url: string; dispose: () => Promise<void> };

/** The machine's PostgreSQL, as an administrator (trust authentication on 127.0.0.1). */
export const SERVER_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function onServer(): Promise<TestDatabase> {
  const name = `pdr_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    dispose: async () => {
      const client = new pg.Client({ connectionString: SERVER_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function embedded(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdr-embedded-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root: it must reach its data
  const database = await startEmbeddedPostgres(path.join(dir, 'postgres'));
  return {
    url: database.url,
    dispose: async () => {
      await database.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database of the given kind, built from the committed migrations only. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = kind === 'server' ? await onServer() : await embedded();
  await migrate(database.url, undefined, () => undefined);
  return database;
}
