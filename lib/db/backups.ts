import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportArchive } from '@/lib/db/archive';

// The nightly copies of the embedded database (`npm start` without DATABASE_URL): an archive of
// `npm run db:export` in the backups folder, named by its UTC time, written under a temporary
// name and renamed once complete (a copy killed midway never replaces the last good one), never
// two at once (a lock file holding the pid), then the folder thinned to the newest copy of each
// of the last `daily` days and of each of the last `weekly` weeks. `status.json` keeps the last
// success and the last failure, for the log and the editors' desk.

const PREFIX = 'place-des-reseaux-';
const NAME = /^place-des-reseaux-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})Z\.tar\.gz$/;

export type BackupStatus = {
  lastSuccess?: { at: string; file: string; bytes: number; rows: number };
  lastFailure?: { at: string; message: string };
};

export class BackupBusyError extends Error {
  override name = 'BackupBusyError';
}

const statusFile = (dir: string) => path.join(dir, 'status.json');
const lockFile = (dir: string) => path.join(dir, '.lock');

export function readBackupStatus(dir: string): BackupStatus {
  try {
    return JSON.parse(readFileSync(statusFile(dir), 'utf8')) as BackupStatus;
  } catch {
    return {};
  }
}

function writeStatus(dir: string, change: Partial<BackupStatus>): void {
  const next = { ...readBackupStatus(dir), ...change };
  const partial = `${statusFile(dir)}.${process.pid}`;
  writeFileSync(partial, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(partial, statusFile(dir));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock, or throws when a live process holds it (a dead one's is taken over). */
function lock(dir: string): () => void {
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) throw new BackupBusyError(`Une sauvegarde est déjà en cours (processus ${holder}) : celle-ci n’est pas lancée.`);
      rmSync(file, { force: true });
    }
  }
  throw new BackupBusyError('Le verrou des sauvegardes n’a pas pu être pris.');
}

/** What a killed copy left behind (its work folder, its partial archive): ours to remove, under the lock. */
function removeLeftovers(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.export-') || /\.partiel-\d+$/.test(name)) rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

/** The archives to delete: all but the newest of each of the last `daily` days and `weekly` weeks. */
export function archivesToDelete(names: string[], daily: number, weekly: number): string[] {
  const dated = names
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({ name, day: match[1] ?? '', time: Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}Z`) }))
    .sort((a, b) => b.time - a.time);
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<number>();
  for (const archive of dated) {
    if (!days.has(archive.day) && days.size < daily) {
      days.add(archive.day);
      keep.add(archive.name);
    }
    // Weeks counted from Monday, in UTC.
    const week = Math.floor((archive.time / 86_400_000 + 3) / 7);
    if (!weeks.has(week) && weeks.size < weekly) {
      weeks.add(week);
      keep.add(archive.name);
    }
  }
  return dated.filter((archive) => !keep.has(archive.name)).map((archive) => archive.name);
}

export type BackupOptions = { daily: number; weekly: number; log?: (line: string) => void };

/** One backup of the database at `url` into `dir`; records the outcome in status.json. */
export async function runBackup(url: string, dir: string, { daily, weekly, log = console.log }: BackupOptions): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unlock = lock(dir);
  const at = new Date();
  try {
    removeLeftovers(dir);
    const file = path.join(dir, `${PREFIX}${at.toISOString().slice(0, 19).replace(/[:]/g, '')}Z.tar.gz`);
    const manifest = await exportArchive(url, file);
    const bytes = statSync(file).size;
    const rows = manifest.tables.reduce((total, table) => total + table.rows, 0);
    writeStatus(dir, { lastSuccess: { at: at.toISOString(), file: path.basename(file), bytes, rows } });
    for (const old of archivesToDelete(readdirSync(dir), daily, weekly)) rmSync(path.join(dir, old), { force: true });
    log(`[sauvegarde] ${file} : ${rows} lignes, ${(bytes / 1e6).toFixed(1)} Mo`);
    return file;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof BackupBusyError)) writeStatus(dir, { lastFailure: { at: at.toISOString(), message } });
    log(`[sauvegarde] échec : ${message}`);
    throw error;
  } finally {
    unlock();
  }
}

/** The next time the nightly backup runs: `hour` o'clock, local time, today or tomorrow. */
export function nextBackupTime(now: Date, hour: number): Date {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  if (next <= now) next.setDate(next.getDate() + 1);
  return next;
}

/** Whether the desk should warn: no good copy, one older than two days, or a failure since. */
export function backupWarning(status: BackupStatus, now: Date): string | null {
  const success = status.lastSuccess ? Date.parse(status.lastSuccess.at) : null;
  const failure = status.lastFailure ? Date.parse(status.lastFailure.at) : null;
  if (failure !== null && (success === null || failure > success)) return `La dernière sauvegarde a échoué : ${status.lastFailure?.message ?? ''}`;
  if (success === null) return 'Aucune sauvegarde réussie pour l’instant.';
  if (now.getTime() - success > 2 * 86_400_000) return 'La dernière sauvegarde réussie a plus de deux jours.';
  return null;
}
