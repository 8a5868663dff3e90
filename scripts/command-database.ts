// The database a command-line tool works on: DATABASE_URL, else the embedded one, the running
// magazine's (its address is in DATA_DIR) or started for the occasion and stopped afterwards.
import { existsSync, readFileSync } from 'node:fs';
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
