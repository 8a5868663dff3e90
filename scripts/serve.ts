// `npm run dev`, `npm run build` and `npm start`: start the embedded PostgreSQL when no
// DATABASE_URL is given, apply the pending migrations, then run Next (and the content compiler)
// with DATABASE_URL and AUTH_SECRET set. The build needs the database too: the pages of the
// pieces are prerendered with their ratings and comments. Stops everything together: Ctrl-C,
// SIGTERM, or a child exiting.
//
// Its log and its children's are JSON lines on stdout (lib/log.ts): under `npm start`, a child's
// line that is not JSON (Next's banner, a backup's progress) is written as one, with its module;
// under `npm run dev`, every line is shown readable (pino-pretty). A fatal error is one line on stderr.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { prettyFactory } from 'pino-pretty';
import { nextBackupTime } from '../lib/db/backups';
import { runtimeUrlFile, startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';
import { backupDirectory, env } from '../lib/env';
import { migrate } from '../lib/db/migrations';
import { relayed as relayOutput } from './log-relay';
import { logger, logToStderr, writeLogsTo } from '../lib/log';
import { embeddedSecret } from './command-database';
import { recordSiteUrl, servedSiteUrl } from './site-url';

const argument = process.argv[2];
if (argument !== 'dev' && argument !== 'build' && argument !== 'start') {
  console.error('Usage : node --import tsx scripts/serve.ts dev|build|start [options de next]');
  process.exit(2);
}
const mode: 'dev' | 'build' | 'start' = argument;
const nextArgs = process.argv.slice(3);
const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);

function servedPort(): string {
  const flag = nextArgs.findIndex((arg) => arg === '-p' || arg === '--port');
  const inline = nextArgs.find((arg) => arg.startsWith('--port='));
  return (flag >= 0 ? nextArgs[flag + 1] : inline?.slice('--port='.length)) ?? process.env.PORT ?? '3000';
}

function secret(embedded: boolean): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  if (mode !== 'dev' && !embedded) {
    throw new Error('AUTH_SECRET est obligatoire en production avec DATABASE_URL (au moins 32 caractères, le même pour toutes les instances).');
  }
  return embeddedSecret((file) => log.info(`clé secrète générée dans ${file}`));
}

// Under `npm run dev`, each line readable: the time, the level, the module, the message.
const prettify = mode === 'dev' ? prettyFactory({ ignore: 'pid,hostname,module,request_id,method,route,status,duration_ms', messageFormat: '[{module}] {msg}', translateTime: 'HH:MM:ss', singleLine: true }) : null;
if (prettify) writeLogsTo({ write: (line: string) => process.stdout.write(prettify(line)) });
const log = logger('serve');

const relayed = (child: ChildProcess, module: string) => relayOutput(child, { module, prettify });

async function main() {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  // Sign-in links and canonical URLs name the port actually served when SITE_URL is not set;
  // `start` serves the address its build recorded (checked before anything starts).
  const defaultSiteUrl = `http://localhost:${servedPort()}`;
  const siteUrl = mode === 'start' ? servedSiteUrl(distDir, process.env.SITE_URL, defaultSiteUrl) : process.env.SITE_URL || defaultSiteUrl;
  // Several instances share their cache through Redis: each must decrypt the server actions the
  // others' pages carry, which needs one key for the build and all of them.
  if (env.REDIS_URL && mode !== 'dev' && !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    throw new Error(
      'Avec REDIS_URL (plusieurs instances), NEXT_SERVER_ACTIONS_ENCRYPTION_KEY est obligatoire, la même pour le build et chaque instance : ' +
        'créez-la avec « openssl rand -base64 32 » et gardez-la avec AUTH_SECRET (docs/exploitation.md, « Plusieurs instances »).',
    );
  }
  let database: EmbeddedDatabase | null = null;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    database = await startEmbeddedPostgres(path.join(env.DATA_DIR, 'postgres'), (line) => logger('postgres').info(line));
    databaseUrl = database.url;
    writeFileSync(runtimeUrlFile(path.join(env.DATA_DIR, 'postgres')), database.url, { mode: 0o600 });
    log.info(`PostgreSQL embarqué sur 127.0.0.1:${database.port} (données : ${database.dataDir})`);
  }
  const authSecret = secret(database !== null);
  const applied = await migrate(databaseUrl, undefined, (line) => logger('migrations').info(line));
  if (applied.length === 0) logger('migrations').info('La base est à jour : aucune migration en attente.');

  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    DATABASE_EMBEDDED: database ? '1' : '',
    AUTH_SECRET: authSecret,
    SITE_URL: siteUrl,
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1',
    // On SIGTERM the instance drains its requests itself, within a bound (lib/http/instance.ts).
    ...(mode === 'start' && { NEXT_MANUAL_SIG_HANDLE: '1' }),
    // Next's colours, though its output goes through this process.
    ...(mode === 'dev' && process.stdout.isTTY && { FORCE_COLOR: '1' }),
  };
  if (mode !== 'start') {
    const compiled = spawnSync(bin('contentlayer2'), ['build'], { stdio: 'inherit', env: childEnv });
    if (compiled.status !== 0) throw new Error('La compilation du contenu a échoué (voir ci-dessus).');
  }
  const children: ChildProcess[] = [];
  if (mode === 'dev') children.push(relayed(spawn(bin('contentlayer2'), ['dev'], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv }), 'contentlayer'));
  // The build's output is the build's (a person or CI reads it); the server's is the log.
  const next = mode === 'build' ? spawn(bin('next'), [mode, ...nextArgs], { stdio: 'inherit', env: childEnv }) : relayed(spawn(bin('next'), [mode, ...nextArgs], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv }), 'next');
  if (mode === 'build') next.once('exit', (code) => code === 0 && recordSiteUrl(distDir, siteUrl));
  children.push(next);

  // The embedded database is this machine's only copy of what readers wrote: `npm start` saves
  // it each night (lib/db/backups.ts), in a process of its own. A server has its own tools.
  let stopping = false;
  let backup: ChildProcess | null = null;
  let backupTimer: NodeJS.Timeout | undefined;
  const scheduleBackup = () => {
    const at = nextBackupTime(new Date(), env.BACKUP_HOUR);
    logger('sauvegarde').info(`prochaine sauvegarde de la base embarquée le ${at.toLocaleString('fr-FR')}, dans ${path.resolve(backupDirectory())}`);
    backupTimer = setTimeout(() => {
      backup = relayed(spawn(process.execPath, ['--import', 'tsx', 'scripts/db-archive.ts', 'backup'], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv }), 'sauvegarde');
      backup.once('exit', () => {
        backup = null;
        if (!stopping) scheduleBackup();
      });
    }, at.getTime() - Date.now());
  };
  if (mode === 'start' && database) scheduleBackup();

  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    clearTimeout(backupTimer);
    // A backup stopped midway leaves its partial file, which never replaces the last good one.
    backup?.kill('SIGTERM');
    // Each child's output read to its end (`close`, after `exit`): its last lines are in the log.
    await Promise.all(
      children.map((child) => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        return closed.get(child);
      }),
    );
    await database?.stop();
    rmSync(runtimeUrlFile(path.join(env.DATA_DIR, 'postgres')), { force: true });
    process.exit(code);
  };
  const closed = new Map(children.map((child) => [child, new Promise<void>((resolve) => child.once('close', () => resolve()))]));
  for (const child of children) child.once('exit', (code) => void stop(code ?? 0));
  // The launcher alone decides the order: Next drains its requests, then the database stops.
  // embedded-postgres's own hook (async-exit-hook) would stop the database at once on the same
  // signal, under the requests still running, and exit 143.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((error: unknown) => {
  logToStderr('serve').fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
