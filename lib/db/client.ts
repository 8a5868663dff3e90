import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { env } from '@/lib/env';
import { PrismaClient } from '@/lib/db/generated/prisma/client';
import { logger } from '@/lib/log';

type Database = { pool: pg.Pool; prisma: PrismaClient };

// One pool and one client per process, kept across hot reloads in development (create-t3-app).
const globalForDb = globalThis as unknown as { placeDesReseauxDb?: Database };

function connect(url: string): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: env.DB_POOL_MAX,
    connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
    // A slow database answers with an error after a bounded time instead of piling requests up.
    statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
    query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection killed by a database restart must not crash the process.
  pool.on('error', (error) => logger('db').error({ err: error }, 'connexion perdue'));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { onPoolError: () => undefined }) });
  return { pool, prisma };
}

/** The process's database, or an error the API turns into 503 when none is configured. */
export function db(): Database {
  if (!globalForDb.placeDesReseauxDb) {
    if (!env.DATABASE_URL) throw new DatabaseUnavailableError('DATABASE_URL n’est pas défini');
    globalForDb.placeDesReseauxDb = connect(env.DATABASE_URL);
  }
  return globalForDb.placeDesReseauxDb;
}

/** For command-line scripts: the database to use when DATABASE_URL is not set (the embedded one). */
export function connectDatabase(url: string): void {
  globalForDb.placeDesReseauxDb ??= connect(url);
}

/** Whether the database answers a trivial query now (for /api/health). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().pool.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** The pool's connections (in use and idle) and the queries waiting for one; null before the first query. */
export function poolState(): { total: number; idle: number; waiting: number } | null {
  const pool = globalForDb.placeDesReseauxDb?.pool;
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/** Closes the process's pool, if it opened one: its connections end cleanly on the server's side. */
export async function closeDatabase(): Promise<void> {
  const database = globalForDb.placeDesReseauxDb;
  if (!database) return;
  globalForDb.placeDesReseauxDb = undefined;
  await database.prisma.$disconnect();
  await database.pool.end();
}

/** The database cannot be reached (down, restarting, overloaded or not configured). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EPIPE', 'EHOSTUNREACH',
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024',
  '57P01', '57P02', '57P03', '53300', '57014', '08000', '08001', '08003', '08004', '08006',
]);

const UNAVAILABLE_MESSAGE =
  /Can't reach database server|Connection terminated|terminating connection|connect ECONNREFUSED|timeout exceeded when trying to connect|Query read timeout|statement timeout|the database system is (starting up|shutting down)/i;

/** Whether an error means "the database is unavailable" rather than a bug or a bad input. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 6; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    if (typeof current !== 'object') return false;
    const { code, message, cause, originalCode } = current as Record<string, unknown>;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof originalCode === 'string' && UNAVAILABLE_CODES.has(originalCode)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    current = cause;
  }
  return false;
}
