// The database a command-line tool works on: DATABASE_URL, else the embedded one, the running
// magazine's (its address is in DATA_DIR) or started for the occasion and stopped afterwards.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runtimeUrlFile, startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';
import { env } from '../lib/env';

export type CommandDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function commandDatabase(): Promise<CommandDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const dataDir = path.join(env.DATA_DIR, 'postgres');
  const running = existsSync(runtimeUrlFile(dataDir)) ? readFileSync(runtimeUrlFile(dataDir), 'utf8').trim() : undefined;
  if (running) return { url: running, embedded: true, stop: async () => undefined };
  const started: EmbeddedDatabase = await startEmbeddedPostgres(dataDir);
  return { url: started.url, embedded: true, stop: () => started.stop() };
}

/**
 * The key of the keyed hashes of the embedded set-up when AUTH_SECRET is not given:
 * DATA_DIR/secret, made on first use (`onCreated` is told its file).
 */
export function embeddedSecret(onCreated: (file: string) => void = () => undefined): string {
  const file = path.join(env.DATA_DIR, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const generated = randomBytes(32).toString('base64url');
  mkdirSync(env.DATA_DIR, { recursive: true });
  writeFileSync(file, generated, { mode: 0o600 });
  onCreated(file);
  return generated;
}
