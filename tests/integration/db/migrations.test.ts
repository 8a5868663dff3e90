import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR, readMigrations } from '@/lib/db/migrations';
import { scratchDatabase } from '../setup/helpers';

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const drop of drops.splice(0)) await drop();
});

async function freshDatabase(): Promise<string> {
  const { url, drop } = await scratchDatabase();
  drops.push(drop);
  return url;
}

async function rows<Row extends pg.QueryResultRow>(url: string, text: string): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text)).rows;
  } finally {
    await client.end();
  }
}

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdr-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const quiet = () => undefined;

describe('the migration runner', () => {
  it('applies every migration once and records it exactly as Prisma does', async () => {
    const url = await freshDatabase();
    const names = readMigrations().map((migration) => migration.name);
    expect(await migrate(url, undefined, quiet)).toEqual(names);
    expect(await migrate(url, undefined, quiet)).toEqual([]);
    const recorded = await rows<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(names);
    for (const row of recorded) {
      const file = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row).toMatchObject({ applied_steps_count: 1, rolled_back_at: null, finished_at: expect.any(Date) });
    }
    const columns = await rows<{ column_name: string }>(url, "SELECT column_name FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position");
    expect(columns.map((column) => column.column_name)).toEqual([
      'id', 'checksum', 'finished_at', 'migration_name', 'logs', 'rolled_back_at', 'started_at', 'applied_steps_count',
    ]);
  });

  it('refuses to go on when an applied migration has been edited since', async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate(url, dir, quiet);
    const [first] = readMigrations(dir);
    writeFileSync(path.join(dir, first?.name ?? '', 'migration.sql'), `${first?.sql}\n-- modifiée\n`);
    await expect(migrate(url, dir, quiet)).rejects.toThrow(/a été modifiée après avoir été appliquée/);
  });

  it('rolls a failing migration back entirely and records nothing of it', async () => {
    const url = await freshDatabase();
    const dir = copyOfMigrations();
    mkdirSync(path.join(dir, '29990101000000_broken'));
    writeFileSync(path.join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT * FROM table_that_does_not_exist;\n');
    await expect(migrate(url, dir, quiet)).rejects.toThrow(/29990101000000_broken a échoué/);
    expect(await rows(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'")).toEqual([]);
    expect(await rows(url, "SELECT 1 FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'")).toEqual([]);
    expect((await rows(url, 'SELECT 1 FROM _prisma_migrations')).length).toBe(readMigrations().length);
  });

  it('lets two runners start at once without applying anything twice', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url, undefined, quiet), migrate(url, undefined, quiet)]);
    expect([...(a ?? []), ...(b ?? [])]).toEqual(readMigrations().map((migration) => migration.name));
  });
});
