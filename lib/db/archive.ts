import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import { FIGURES_TAG } from '@/lib/cache-tags';
import { figureTriggers, recountFigures } from '@/lib/db/figures';
import { lastAppliedMigration, migrateWithin, readMigrations } from '@/lib/db/migrations';

// The readers' data in one portable file (`npm run db:export` / `db:import`): a gzip'd tar whose
// first entry is `manifest.json` (format, versions, last migration, time, and each table's
// columns, row count and sha256), then one entry per table, `tables/<name>.copy`, in
// PostgreSQL's own COPY text format. COPY rather than JSON Lines: it is what PostgreSQL reads and
// writes fastest, byte for byte the same on any version (pg_dump's data format), with every type
// exact (timestamps, NULLs, enums) and no parsing in Node; `zcat | tar x` opens it anywhere.
// Export: one REPEATABLE READ READ ONLY transaction (a single instant; writes go on meanwhile),
// each table streamed through a hash into a temporary file beside the archive, then the archive
// assembled (manifest first) and renamed into place. Import: one transaction, every table
// streamed from the archive into COPY FROM through the same hash, checked against the manifest
// before COMMIT; any error rolls everything back.

export const ARCHIVE_FORMAT = 'place-des-reseaux-archive';
export const ARCHIVE_VERSION = 1;

/**
 * The tables exported, in an order their foreign keys accept, with the order of their rows (a
 * reply after its parent). Left out: `sessions` and `verification_tokens` (a reader signs in
 * again; a copied session would be a stolen one), `rate_limits` (counters of the last minutes),
 * `_prisma_migrations` (the import migrates the target itself), `pieces` (the search mirror of the
 * content, which each instance rebuilds from its build when it starts), `audience_salts` and
 * `audience_visits` (the day's salt and visitor hashes: a copy would outlive their deletion the
 * next day; an import loses the current day's audience, not a counted day's).
 */
export const ARCHIVED_TABLES = [
  { name: 'users', order: 'id' },
  { name: 'ratings', order: 'id' },
  { name: 'comments', order: '(parent_id IS NOT NULL), created_at, id' },
  { name: 'comment_reactions', order: 'comment_id, reader_key' },
  { name: 'piece_settings', order: 'piece_key' },
  { name: 'reports', order: 'id' },
  { name: 'bans', order: 'id' },
  { name: 'moderation_events', order: 'created_at, id' },
  { name: 'notification_state', order: 'key' },
  { name: 'newsletter_subscribers', order: 'id' },
  { name: 'newsletter_bounces', order: 'email_hash' },
  { name: 'newsletter_sends', order: 'id' },
  { name: 'newsletter_deliveries', order: 'send_id, subscriber_id' },
  { name: 'audience_days', order: 'day, grain, path, source, campaign' },
] as const;

/**
 * Emptied too by `--replace`: they belong to the data being replaced. (`piece_figures`, derived
 * from ratings and comments, is not archived: the import counts it again.)
 */
const EPHEMERAL_TABLES = ['sessions', 'verification_tokens', 'rate_limits', 'piece_figures', 'audience_salts', 'audience_visits'];

/** Where running instances hear that the data changed under them (lib/cache/invalidations.cjs). */
export const INVALIDATION_CHANNEL = 'place_des_reseaux_cache';

export type TableManifest = { name: string; columns: string[]; rows: number; bytes: number; sha256: string };
export type Manifest = {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  application: string;
  migration: string;
  createdAt: string;
  tables: TableManifest[];
};

/** A refusal or a failure, with a French message naming what to do. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}

export type Progress = (line: string) => void;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Counts rows (lines of COPY text), bytes and the sha256 of what passes through. */
class Tally extends Transform {
  readonly hash = createHash('sha256');
  rows = 0;
  bytes = 0;

  constructor(private readonly onRows?: (rows: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    const before = this.rows;
    for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) this.rows++;
    // Every 100,000 rows, a line on stderr for long runs.
    if (this.onRows && Math.floor(this.rows / 100_000) > Math.floor(before / 100_000)) this.onRows(this.rows);
    this.push(chunk);
    done();
  }
}

function applicationVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'inconnue';
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Writes the archive of the database at `url` to `file` (replaced only once complete). */
export async function exportArchive(url: string, file: string, progress: Progress = () => undefined): Promise<Manifest> {
  const target = path.resolve(file);
  const work = mkdtempSync(path.join(path.dirname(target), '.export-'));
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migration = await lastAppliedMigration(client);
    if (!migration) throw new ArchiveError('Cette base n’a aucune migration appliquée : ce n’est pas (encore) une base du magazine, rien à exporter.');
    const tables: TableManifest[] = [];
    for (const table of ARCHIVED_TABLES) {
      const { rows: columnRows } = await client.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position',
        [table.name],
      );
      const columns = columnRows.map((row) => row.column_name);
      const tally = new Tally((rows) => progress(`[export] ${table.name} : ${rows.toLocaleString('fr-FR')} lignes (${seconds(started)})`));
      const copy = client.query(copyTo(`COPY (SELECT ${columns.map(quote).join(', ')} FROM ${quote(table.name)} ORDER BY ${table.order}) TO STDOUT`));
      await pipeline(copy, tally, createWriteStream(path.join(work, `${table.name}.copy`)));
      tables.push({ name: table.name, columns, rows: tally.rows, bytes: tally.bytes, sha256: tally.hash.digest('hex') });
      progress(`[export] ${table.name} : ${tally.rows.toLocaleString('fr-FR')} lignes (${seconds(started)})`);
    }
    await client.query('COMMIT');
    const manifest: Manifest = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, application: applicationVersion(), migration, createdAt: new Date().toISOString(), tables };
    writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.partiel-${process.pid}`;
    await tar.create({ gzip: { level: 6 }, cwd: work, file: partial, portable: true, maxReadSize: 256 * 1024 }, ['manifest.json', ...tables.map((table) => `${table.name}.copy`)]);
    // Emails and the desk's notes are in it: readable by its owner only.
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    progress(`[export] ${target} : ${(statSync(target).size / 1e6).toFixed(1)} Mo en ${seconds(started)}`);
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    rmSync(work, { recursive: true, force: true });
  }
}

function checkManifest(value: unknown): Manifest {
  const manifest = value as Partial<Manifest> | null;
  if (!manifest || manifest.format !== ARCHIVE_FORMAT || !Array.isArray(manifest.tables) || typeof manifest.migration !== 'string') {
    throw new ArchiveError('Ce fichier n’est pas une archive de Place des Réseaux (manifeste absent ou illisible).');
  }
  if (manifest.version !== ARCHIVE_VERSION) {
    throw new ArchiveError(`Archive au format ${manifest.version}, ce magazine lit le format ${ARCHIVE_VERSION} : importez-la avec la version du magazine qui l’a faite.`);
  }
  const known = new Set<string>(ARCHIVED_TABLES.map((table) => table.name));
  for (const table of manifest.tables) {
    if (!known.has(table.name)) throw new ArchiveError(`L’archive contient une table inconnue ici : ${table.name}.`);
  }
  return manifest as Manifest;
}

/** What a failed gzip or tar read means, in French. */
function readFailure(error: unknown): ArchiveError {
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end|TAR_BAD_ARCHIVE|truncated/i.test(message)) return new ArchiveError(`Archive tronquée (${message}) : elle n’a pas été écrite jusqu’au bout. Rien n’a été importé.`);
  return new ArchiveError(`Archive endommagée (${message}) : un octet au moins a changé depuis l’export. Rien n’a été importé.`);
}

export type ImportOptions = { replace?: boolean; progress?: Progress };

/**
 * Imports the archive `file` into the database at `url`, in one transaction: an empty database is
 * migrated first; one at another migration, or holding data (unless `replace`), is refused.
 */
export async function importArchive(url: string, file: string, { replace = false, progress = () => undefined }: ImportOptions = {}): Promise<Manifest> {
  const started = Date.now();
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ArchiveError(`Archive introuvable : ${file}.`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let manifest: Manifest | null = null;
  try {
    await client.query('BEGIN');
    const seen = new Set<string>();
    let checked: Promise<void> = Promise.resolve();
    const parser = new tar.Parser({ strict: true });
    const handle = async (entry: tar.ReadEntry) => {
      const name = entry.path;
      if (name === 'manifest.json') {
        const chunks: Buffer[] = [];
        for await (const chunk of entry as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
        try {
          manifest = checkManifest(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          throw error instanceof ArchiveError ? error : new ArchiveError('Le manifeste de l’archive est illisible : l’archive est endommagée.');
        }
        await prepareTarget(client, manifest, replace, progress);
        // The rows go in without the per-row upkeep of the figures, which are counted once at the end.
        await figureTriggers(client, false);
        return;
      }
      const table = manifest?.tables.find((candidate) => `${candidate.name}.copy` === name);
      if (!manifest) throw new ArchiveError('L’archive ne commence pas par son manifeste : ce n’est pas une archive de Place des Réseaux, ou elle est endommagée.');
      if (!table) throw new ArchiveError(`Entrée inattendue dans l’archive : ${name}.`);
      const tally = new Tally((rows) => progress(`[import] ${table.name} : ${rows.toLocaleString('fr-FR')} lignes (${seconds(started)})`));
      try {
        await pipeline(entry as unknown as Readable, tally, client.query(copyFrom(`COPY ${quote(table.name)} (${table.columns.map(quote).join(', ')}) FROM STDIN`)));
      } catch (error) {
        const { message, where } = error as { message?: string; where?: string };
        const line = /line (\d+)/.exec(where ?? '')?.[1];
        throw new ArchiveError(`Table ${table.name}${line ? `, ligne ${line}` : ''} : ${message ?? String(error)}. Rien n’a été importé.`);
      }
      if (tally.rows !== table.rows || tally.hash.digest('hex') !== table.sha256) {
        throw new ArchiveError(
          `Table ${table.name} : ${tally.rows} lignes lues pour ${table.rows} annoncées, ou empreinte sha256 différente : l’archive a été modifiée. Rien n’a été importé.`,
        );
      }
      seen.add(table.name);
      progress(`[import] ${table.name} : ${tally.rows.toLocaleString('fr-FR')} lignes (${seconds(started)})`);
    };
    // Entries are handled one after the other; each waits, paused, for the one before. If the
    // archive breaks midway, the entry being copied fails with it (COPY is then aborted).
    let current: tar.ReadEntry | null = null;
    parser.on('entry', (entry: tar.ReadEntry) => {
      entry.pause();
      checked = checked.then(() => {
        current = entry;
        return handle(entry);
      });
      // After a failure the rest is read and dropped, so the parser reaches the end.
      checked.catch(() => entry.resume());
    });
    try {
      await pipeline(createReadStream(file), parser);
    } catch (error) {
      const failure = error instanceof ArchiveError ? error : readFailure(error);
      (current as tar.ReadEntry | null)?.emit('error', failure);
      await checked.catch(() => undefined);
      throw failure;
    }
    // The file ended in the middle of an entry: nothing more will come for it.
    const last = current as tar.ReadEntry | null;
    if (last && last.remain > 0) last.emit('error', new ArchiveError(`Archive tronquée : ${last.path} s’arrête avant sa fin. Rien n’a été importé.`));
    await checked;
    const done = manifest as Manifest | null;
    if (!done) throw new ArchiveError('Archive vide ou sans manifeste : rien n’a été importé.');
    const missing = done.tables.filter((table) => !seen.has(table.name));
    if (missing.length > 0) throw new ArchiveError(`Archive tronquée : ${missing.map((table) => table.name).join(', ')} manquent. Rien n’a été importé.`);
    await recountFigures(client);
    await figureTriggers(client, true);
    // Delivered at COMMIT to every running instance, which drops the figures it keeps in cache.
    await client.query('SELECT pg_notify($1, $2)', [INVALIDATION_CHANNEL, JSON.stringify([FIGURES_TAG])]);
    await client.query('COMMIT');
    const rows = done.tables.reduce((total, table) => total + table.rows, 0);
    progress(`[import] ${rows.toLocaleString('fr-FR')} lignes de ${(size / 1e6).toFixed(1)} Mo importées en ${seconds(started)}`);
    return done;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Brings the target to the archive's migration and empties it, or refuses. */
async function prepareTarget(client: pg.ClientBase, manifest: Manifest, replace: boolean, progress: Progress): Promise<void> {
  const known = readMigrations().map((migration) => migration.name);
  if (!known.includes(manifest.migration)) {
    throw new ArchiveError(
      `Archive faite par une version plus récente du magazine (migration ${manifest.migration}, inconnue ici) : mettez le magazine à jour, puis importez-la.`,
    );
  }
  let current = await lastAppliedMigration(client);
  if (current === null) {
    const applied = await migrateWithin(client);
    progress(`[import] base vide : ${applied.length} migration(s) appliquée(s)`);
    current = applied.at(-1) ?? null;
  }
  if (current !== manifest.migration) {
    throw new ArchiveError(
      manifest.migration < (current ?? '')
        ? `L’archive est à la migration ${manifest.migration}, plus ancienne que celle de cette base (${current}) : importez-la avec la version du magazine qui l’a faite, puis mettez le magazine à jour (ses migrations s’appliqueront aux données).`
        : `L’archive est à la migration ${manifest.migration}, la base à ${current} : importez-la dans une base vide, ou dans une base du magazine de la même version.`,
    );
  }
  const counts = await Promise.all(
    ARCHIVED_TABLES.map(async (table) => {
      const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`);
      return rows[0]?.any ? [table.name] : [];
    }),
  );
  const filled: string[] = counts.flat();
  if (filled.length > 0 && !replace) {
    throw new ArchiveError(`La base cible n’est pas vide (${filled.join(', ')}) : relancez avec --replace pour remplacer ses données par celles de l’archive.`);
  }
  if (filled.length > 0) {
    await client.query(`TRUNCATE ${[...ARCHIVED_TABLES.map((table) => table.name), ...EPHEMERAL_TABLES].map(quote).join(', ')} CASCADE`);
    progress(`[import] --replace : données de ${filled.join(', ')} remplacées`);
  }
}
