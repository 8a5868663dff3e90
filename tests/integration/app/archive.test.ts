import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import pg from 'pg';
import * as tar from 'tar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVED_TABLES, exportArchive, importArchive, INVALIDATION_CHANNEL, type Manifest } from '../../../lib/db/archive';
import { readBackupStatus, runBackup } from '../../../lib/db/backups';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../lib/db/embedded-postgres';
import { migrate } from '../../../lib/db/migrations';
import { startStack, type Stack } from '../../e2e/fixtures/stack';
import { query } from '../setup/helpers';
import { LAUNCHER } from '../setup/next-server';

// The readers' data, out and back in: an export of the embedded PostgreSQL imported into the
// machine's server and back gives the same rows, compared by SQL; every damaged or refused
// archive leaves the target exactly as it was; an export is one instant even under writes; and a
// running magazine shows what an import brought.

const SERVER = process.env.PDR_TEST_SERVER_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const dir = mkdtempSync(path.join(tmpdir(), 'pdr-archive-'));
chmodSync(dir, 0o755);
let embedded: EmbeddedDatabase;
const scratch: string[] = [];

/** SQL on the database at `url` (the helpers' `query`, named by its database first). */
const sql = <Row extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) => query<Row>(text, values, url);

/** A new empty database on the machine's PostgreSQL. */
async function serverDatabase(): Promise<string> {
  const name = `pdr_archive_${randomInt(1e9)}`;
  await sql(SERVER, `CREATE DATABASE ${name}`);
  scratch.push(name);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return url.href;
}

/** A new empty database on the embedded PostgreSQL. */
async function embeddedDatabase(): Promise<string> {
  const name = `pdr_archive_${randomInt(1e9)}`;
  await sql(embedded.url, `CREATE DATABASE ${name}`);
  const url = new URL(embedded.url);
  url.pathname = `/${name}`;
  return url.href;
}

/** Every exported table, every row, every column, as the database gives them. */
async function everything(url: string): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of ARCHIVED_TABLES) {
    tables[table.name] = await sql(url, `SELECT * FROM ${table.name} ORDER BY ${table.order}`);
  }
  return tables;
}

const HOSTILE = 'Tab\there, newline\nthere, backslash \\ and \\N, quote \' " ; -- DROP TABLE ratings; émoji 🎉 et « guillemets »';

/** Rows in every table, with what COPY must escape: tabs, newlines, backslashes, NULLs. */
async function fill(url: string): Promise<void> {
  await migrate(url, undefined, () => undefined);
  const [editor] = await sql<{ id: string }>(url, "INSERT INTO users (email, name, role, email_verified) VALUES ('redaction@exemple.fr', 'Rédaction', 'editor', now()) RETURNING id");
  await sql(url, "INSERT INTO users (email, name) VALUES ('lectrice@exemple.fr', NULL)");
  await sql(url, "INSERT INTO ratings (piece_key, reader_key, user_id, value) SELECT 'interviews/valerie-march-place-des-reseaux', 'lecteur-' || g, CASE WHEN g % 3 = 0 THEN 'u' || g END, 1 + g % 5 FROM generate_series(1, 300) g");
  const [top] = await sql<{ id: string }>(
    url,
    "INSERT INTO comments (piece_key, author_name, email, body, status, reader_key, address_key, notify_replies) VALUES ('interviews/valerie-march-place-des-reseaux', 'Camille', 'camille@exemple.fr', $1, 'published', 'rk', 'ak', true) RETURNING id",
    [HOSTILE],
  );
  await sql(url, "INSERT INTO comments (piece_key, parent_id, author_name, body, status, reader_key, address_key, edited_at) VALUES ('interviews/valerie-march-place-des-reseaux', $1, 'Sam', 'Une réponse.', 'pending', 'rk2', 'ak2', now())", [top?.id]);
  await sql(url, "INSERT INTO reports (comment_id, reason, details, reader_key) VALUES ($1, 'off_topic', $2, 'rk3')", [top?.id, HOSTILE]);
  await sql(url, "UPDATE comments SET badge = 'redaction', featured_at = now(), featured_by_id = $2 WHERE id = $1", [top?.id, editor?.id]);
  await sql(url, "INSERT INTO comment_reactions (comment_id, reader_key, user_id) SELECT $1, 'lecteur-' || g, NULL FROM generate_series(1, 7) g", [top?.id]);
  await sql(url, "INSERT INTO piece_settings (piece_key, comments_open, updated_by_id) VALUES ('articles/x', false, $1)", [editor?.id]);
  await sql(url, "INSERT INTO bans (kind, key_hash, label, reason, created_by_id) VALUES ('email', 'hash', 'x@exemple.fr', 'Spam répété', $1)", [editor?.id]);
  await sql(url, "INSERT INTO moderation_events (editor_id, editor, action, comment_id, piece_key, reason) VALUES ($1, 'redaction@exemple.fr', 'approve', $2, 'interviews/valerie-march-place-des-reseaux', NULL)", [editor?.id, top?.id]);
  await sql(url, "INSERT INTO notification_state (key, last_sent_at) VALUES ('editors-digest', now())");
  const [subscriber] = await sql<{ id: string }>(url, "INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) VALUES ('abonnee@exemple.fr', 'weekly', now()) RETURNING id");
  await sql(url, "INSERT INTO newsletter_subscribers (email, rhythm) VALUES ('pas-encore@exemple.fr', 'each')");
  await sql(url, "INSERT INTO newsletter_bounces (email_hash, reason) VALUES ('0f0f', $1)", [HOSTILE]);
  const [send] = await sql<{ id: string }>(url, "INSERT INTO newsletter_sends (kind, week_of, piece_keys, recipients, sent) VALUES ('digest', now(), ARRAY['interviews/valerie-march-place-des-reseaux', 'articles/x'], 1, 1) RETURNING id");
  await sql(url, "INSERT INTO newsletter_deliveries (send_id, subscriber_id, status, attempts, sent_at) VALUES ($1, $2, 'sent', 1, now())", [send?.id, subscriber?.id]);
  await sql(url, "INSERT INTO sessions (session_token, user_id, expires) VALUES ('secret-session', $1, now() + interval '1 day')", [editor?.id]);
  // The audience: counted days travel; the day's salt and visitor hashes never do.
  await sql(url, "INSERT INTO audience_days (day, grain, path, source, campaign, views, visitors, reads) VALUES ('2026-11-30', 0, '/interviews/valerie-march-place-des-reseaux', 'linkedin', '', 12, 9, 4), ('2026-11-30', 7, '', '', '', 40, 31, 9)");
  await sql(url, "INSERT INTO audience_salts (day, salt) VALUES (CURRENT_DATE, '\\x0102')");
  await sql(url, "INSERT INTO audience_visits (day, path, source, visitor, views) VALUES (CURRENT_DATE, '/', 'direct', '\\x0a0b', 1)");
}

/** The archive, rewritten with a change to its manifest. */
async function withManifest(file: string, change: (manifest: Manifest) => void): Promise<string> {
  const unpacked = mkdtempSync(path.join(dir, 'unpacked-'));
  await tar.extract({ file, cwd: unpacked });
  const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
  change(manifest);
  writeFileSync(path.join(unpacked, 'manifest.json'), JSON.stringify(manifest));
  const out = path.join(dir, `changed-${randomInt(1e9)}.tar.gz`);
  await tar.create({ gzip: true, cwd: unpacked, file: out, portable: true }, ['manifest.json', ...manifest.tables.map((table) => `${table.name}.copy`)]);
  return out;
}

let source: string;
let archive: string;
let original: Record<string, unknown[]>;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres(path.join(dir, 'embedded'));
  source = await embeddedDatabase();
  await fill(source);
  original = await everything(source);
  archive = path.join(dir, 'sauvegarde.tar.gz');
  await exportArchive(source, archive);
}, 120_000);

afterAll(async () => {
  for (const name of scratch) await sql(SERVER, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await embedded?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('export and import', () => {
  it('writes the manifest first, then each table in COPY text, with counts and checksums', async () => {
    const entries: string[] = [];
    await tar.list({ file: archive, onReadEntry: (entry) => void entries.push(entry.path) });
    expect(entries).toEqual(['manifest.json', ...ARCHIVED_TABLES.map((table) => `${table.name}.copy`)]);
    const unpacked = mkdtempSync(path.join(dir, 'look-'));
    await tar.extract({ file: archive, cwd: unpacked });
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ format: 'place-des-reseaux-archive', version: 1, migration: expect.stringMatching(/^\d{14}_/) });
    expect(manifest.tables.find((table) => table.name === 'ratings')).toMatchObject({ rows: 300, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest.tables.map((table) => table.name)).not.toContain('sessions');
    expect(manifest.tables.map((table) => table.name)).not.toEqual(expect.arrayContaining(['audience_salts']));
    expect(manifest.tables.map((table) => table.name)).not.toEqual(expect.arrayContaining(['audience_visits']));
    expect(manifest.tables.find((table) => table.name === 'audience_days')).toMatchObject({ rows: 2 });
    expect(readFileSync(path.join(unpacked, 'comments.copy'), 'utf8')).toContain('Tab\\there, newline\\nthere');
  });

  it('moves every row from the embedded PostgreSQL to the machine’s server and back, identical by SQL', async () => {
    const server = await serverDatabase();
    await importArchive(server, archive);
    expect(await everything(server)).toEqual(original);
    expect(await sql(server, 'SELECT count(*)::int AS n FROM sessions')).toEqual([{ n: 0 }]);

    const back = path.join(dir, 'retour.tar.gz');
    await exportArchive(server, back);
    const again = await embeddedDatabase();
    await importArchive(again, back);
    expect(await everything(again)).toEqual(original);
  });

  it('refuses a non-empty target without --replace, naming its tables, and replaces it with', async () => {
    const target = await serverDatabase();
    await fill(target);
    await sql(target, "INSERT INTO ratings (piece_key, reader_key, value) VALUES ('articles/autre', 'en-trop', 2)");
    const before = await everything(target);
    await expect(importArchive(target, archive)).rejects.toThrow(/La base cible n’est pas vide \(users, ratings, comments.*relancez avec --replace/);
    expect(await everything(target)).toEqual(before);
    await importArchive(target, archive, { replace: true });
    expect(await everything(target)).toEqual(original);
    expect(await sql(target, 'SELECT count(*)::int AS n FROM sessions')).toEqual([{ n: 0 }]);
    // The day's salt and visitor hashes of the replaced data go with it.
    expect(await sql(target, 'SELECT (SELECT count(*) FROM audience_salts)::int AS salts, (SELECT count(*) FROM audience_visits)::int AS visits')).toEqual([{ salts: 0, visits: 0 }]);
  });

  it('refuses a flipped byte, a truncated archive, a changed table and a newer migration, leaving the target as it was', async () => {
    const target = await serverDatabase();
    await fill(target);
    const before = await everything(target);
    const bytes = readFileSync(archive);

    const flipped = Buffer.from(bytes);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    writeFileSync(path.join(dir, 'flipped.tar.gz'), flipped);
    await expect(importArchive(target, path.join(dir, 'flipped.tar.gz'), { replace: true })).rejects.toThrow(/Archive endommagée|empreinte sha256|Archive tronquée|Table \w+/);
    expect(await everything(target)).toEqual(before);

    writeFileSync(path.join(dir, 'truncated.tar.gz'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await expect(importArchive(target, path.join(dir, 'truncated.tar.gz'), { replace: true })).rejects.toThrow(/Archive tronquée|Archive endommagée/);
    expect(await everything(target)).toEqual(before);

    const changed = await withManifest(archive, (manifest) => {
      const ratings = manifest.tables.find((table) => table.name === 'ratings');
      if (ratings) ratings.rows -= 1;
    });
    await expect(importArchive(target, changed, { replace: true })).rejects.toThrow(/Table ratings : 300 lignes lues pour 299 annoncées/);
    expect(await everything(target)).toEqual(before);

    const older = await withManifest(archive, (manifest) => void (manifest.migration = '20261126080000_init'));
    await expect(importArchive(target, older, { replace: true })).rejects.toThrow(/plus ancienne que celle de cette base .*importez-la avec la version du magazine qui l’a faite/);
    expect(await everything(target)).toEqual(before);

    const newer = await withManifest(archive, (manifest) => void (manifest.migration = '29991231000000_a_venir'));
    await expect(importArchive(target, newer, { replace: true })).rejects.toThrow(/version plus récente du magazine \(migration 29991231000000_a_venir/);
    expect(await everything(target)).toEqual(before);
  });

  it('leaves an empty target empty when the import fails after migrating it', async () => {
    const target = await serverDatabase();
    const changed = await withManifest(archive, (manifest) => {
      const comments = manifest.tables.find((table) => table.name === 'comments');
      if (comments) comments.sha256 = '0'.repeat(64);
    });
    await expect(importArchive(target, changed)).rejects.toThrow(/Table comments .*empreinte sha256 différente/);
    expect(await sql(target, "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).toEqual([{ n: 0 }]);
  });

  it('exports one instant while 200 comments are being written', async () => {
    const busy = await serverDatabase();
    await migrate(busy, undefined, () => undefined);
    // Each writer adds a comment and a rating in one transaction: one instant has as many of each.
    const pool = new pg.Pool({ connectionString: busy, max: 10 });
    const writes = Array.from({ length: 200 }, async (_, index) => {
      await new Promise((resolve) => setTimeout(resolve, index * 2));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("INSERT INTO comments (piece_key, author_name, body, status, reader_key, address_key) VALUES ('articles/x', 'A', 'Pendant l’export.', 'published', $1, 'a')", [`r${index}`]);
        await client.query("INSERT INTO ratings (piece_key, reader_key, value) VALUES ('articles/x', $1, 3)", [`r${index}`]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    const file = path.join(dir, 'pendant.tar.gz');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const manifest = await exportArchive(busy, file);
    await Promise.all(writes);
    await pool.end();
    const rows = (name: string) => manifest.tables.find((table) => table.name === name)?.rows;
    expect(rows('comments')).toBe(rows('ratings'));
    expect(rows('comments')).toBeGreaterThan(0);
    expect(rows('comments')).toBeLessThan(200);
  });

  it('names the same channel as the instances listen on', async () => {
    const source = readFileSync(path.resolve('lib/cache/invalidations.cjs'), 'utf8');
    expect(source).toContain(`const CHANNEL = '${INVALIDATION_CHANNEL}';`);
  });
});

describe('npm run db:export and db:import', () => {
  const run = (args: string[], databaseUrl: string) =>
    spawnSync(LAUNCHER[0] ?? 'node', [...LAUNCHER.slice(1, -1), 'scripts/db-archive.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8', timeout: 60_000 });

  it('exports and imports from the command line, with progress on stderr and French errors', async () => {
    const file = path.join(dir, 'cli.tar.gz');
    const exported = run(['export', file], source);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('Archive écrite');
    expect(exported.stderr).toContain('[export] ratings : 300 lignes');
    // Readers' emails are in it: the archive is its owner's alone.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const target = await serverDatabase();
    const imported = run(['import', file], target);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/Archive importée : \d+ lignes/);
    const refused = run(['import', file], target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('relancez avec --replace');
    const missing = run(['import', path.join(dir, 'absente.tar.gz')], target);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Archive introuvable');
    expect(run(['import'], target).status).toBe(2);
  });
});

describe('nightly backups', () => {
  it('writes a dated archive and its status, refuses a second one at once, and survives one killed midway', async () => {
    const backups = mkdtempSync(path.join(dir, 'backups-'));
    const first = await runBackup(source, backups, { daily: 7, weekly: 4, log: () => undefined });
    expect(path.basename(first)).toMatch(/^place-des-reseaux-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/);
    const good = readBackupStatus(backups).lastSuccess;
    expect(good).toMatchObject({ file: path.basename(first), rows: expect.any(Number) });
    const goodBytes = readFileSync(first);

    // A live process holds the lock: no second backup at once.
    writeFileSync(path.join(backups, '.lock'), String(process.pid));
    await expect(runBackup(source, backups, { daily: 7, weekly: 4, log: () => undefined })).rejects.toThrow(/Une sauvegarde est déjà en cours/);
    rmSync(path.join(backups, '.lock'));

    // A backup of a larger database, killed while it writes.
    const large = await serverDatabase();
    await migrate(large, undefined, () => undefined);
    await sql(large, "INSERT INTO ratings (piece_key, reader_key, value) SELECT 'articles/x', 'r' || g, 1 + g % 5 FROM generate_series(1, 400000) g");
    const child = spawn(LAUNCHER[0] ?? 'node', [...LAUNCHER.slice(1, -1), 'scripts/db-archive.ts', 'backup'], {
      env: { ...process.env, DATABASE_URL: large, BACKUP_DIR: backups },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!readdirSync(backups).some((file) => file.startsWith('.export-')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await exited;
    expect(readBackupStatus(backups).lastSuccess).toEqual(good);
    const complete = readdirSync(backups).filter((file) => file.endsWith('.tar.gz'));
    expect(complete).toEqual([path.basename(first)]);
    expect(readFileSync(first).equals(goodBytes)).toBe(true);

    // The next one takes the dead process's lock and clears what it left.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const next = await runBackup(source, backups, { daily: 7, weekly: 4, log: () => undefined });
    expect(readBackupStatus(backups).lastSuccess?.file).toBe(path.basename(next));
    expect(readdirSync(backups).filter((file) => file.startsWith('.export-') || file.includes('.partiel-') || file === '.lock')).toEqual([]);
    // Same day: only the newest copy of the day is kept once a new one is complete.
    expect(existsSync(first)).toBe(false);
  }, 120_000);
});

describe('a running magazine after an import', () => {
  let stack: Stack;
  const deskBackups = path.join(dir, 'desk-backups');
  beforeAll(async () => {
    stack = await startStack({ DATABASE_EMBEDDED: '1', BACKUP_DIR: deskBackups });
  }, 120_000);
  afterAll(async () => {
    await stack?.stop();
  });

  it('shows the imported figures on the page it had cached', async () => {
    const page = `${stack.baseUrl}/interviews/valerie-march-place-des-reseaux`;
    expect(await (await fetch(page)).text()).toContain('Aucun avis');
    await importArchive(stack.databaseUrl, archive, { replace: true });
    let shown = '';
    for (let attempt = 0; attempt < 40 && !shown.includes('300 avis'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = await (await fetch(page)).text();
    }
    expect(shown).toContain('300 avis');
  });

  it('tells the editors, on the desk’s home, when the last good backup is more than two days old', async () => {
    const { mkdirSync } = await import('node:fs');
    mkdirSync(deskBackups, { recursive: true });
    const at = new Date(Date.now() - 3 * 86_400_000).toISOString();
    writeFileSync(path.join(deskBackups, 'status.json'), JSON.stringify({ lastSuccess: { at, file: 'place-des-reseaux-x.tar.gz', bytes: 2_500_000, rows: 1234 } }));
    const token = `desk-${randomInt(1e12)}`;
    const [editor] = await sql<{ id: string }>(stack.databaseUrl, "INSERT INTO users (email, role) VALUES ('sauvegardes@exemple.fr', 'editor') RETURNING id");
    await sql(stack.databaseUrl, "INSERT INTO sessions (session_token, user_id, expires) VALUES ($1, $2, now() + interval '1 day')", [token, editor?.id]);
    const desk = await (await fetch(`${stack.baseUrl}/redaction`, { headers: { cookie: `next-auth.session-token=${token}` } })).text();
    const text = desk.replace(/<!-- -->/g, '');
    expect(text).toContain('Sauvegardes : La dernière sauvegarde réussie a plus de deux jours.');
    expect(text).toMatch(/Dernière sauvegarde de la base : .*2,5 Mo \(1\u202f?234 lignes\)/);
  });
});
