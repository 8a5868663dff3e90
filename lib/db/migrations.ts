import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

/** Where the committed migrations are, in Prisma's layout. */
export const MIGRATIONS_DIR = path.join(process.cwd(), 'prisma', 'migrations');

// Prisma's own bookkeeping table, created exactly as its schema engine does, so that
// `prisma migrate deploy` (where the engine can run) and this runner agree on what is applied.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

// The advisory lock Prisma's schema engine takes, so two runners never migrate at once.
const LOCK_ID = 72707369;

type Migration = { name: string; sql: string; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Runs one migration and records it as Prisma does, inside the caller's transaction. */
async function apply(client: pg.ClientBase, migration: Migration): Promise<void> {
  await client.query(migration.sql);
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [randomUUID(), migration.checksum, migration.name],
  );
}

/**
 * Applies every committed migration to a database that has none, inside the caller's
 * transaction (`npm run db:import` into an empty database: a failure leaves it empty).
 */
export async function migrateWithin(client: pg.ClientBase, dir = MIGRATIONS_DIR): Promise<string[]> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
  await client.query(CREATE_TABLE);
  const migrations = readMigrations(dir);
  for (const migration of migrations) await apply(client, migration);
  return migrations.map((migration) => migration.name);
}

/** The last migration applied to the database, or null when it has none (or no table for them). */
export async function lastAppliedMigration(client: pg.ClientBase): Promise<string | null> {
  const { rows: table } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table[0]?.exists) return null;
  const { rows } = await client.query<{ name: string | null }>(
    'SELECT max(migration_name) AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return rows[0]?.name ?? null;
}

/** The committed migrations, oldest first, with the sha256 checksum Prisma records. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Applies the pending migrations in order, each in its own transaction, and records them in
 * `_prisma_migrations`. Refuses to go on when an applied migration's file has changed or an
 * earlier one failed. Returns the names of the migrations it applied.
 */
export async function migrate(connectionString: string, dir = MIGRATIONS_DIR, log: (line: string) => void = console.log): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const migrations = readMigrations(dir);
    for (const row of rows) {
      if (!migrations.some((migration) => migration.name === row.migration_name)) {
        log(`attention : ${row.migration_name} est appliquée à la base mais absente de ${dir}`);
      }
    }
    const done: string[] = [];
    for (const migration of migrations) {
      const row = applied.get(migration.name);
      if (row && !row.finished_at) {
        throw new MigrationError(
          `La migration ${migration.name} a échoué lors d’une exécution précédente : corrigez la base, puis marquez-la comme annulée (prisma migrate resolve --rolled-back ${migration.name}).`,
        );
      }
      if (row && row.checksum !== migration.checksum) {
        throw new MigrationError(
          `La migration ${migration.name} a été modifiée après avoir été appliquée (checksum différent) : refus de démarrer. Restaurez le fichier d’origine et écrivez une nouvelle migration.`,
        );
      }
      if (row) continue;
      await client.query('BEGIN');
      try {
        await apply(client, migration);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`La migration ${migration.name} a échoué : ${(error as Error).message}`, { cause: error });
      }
      log(`${migration.name} appliquée`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}
