import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresHome } from '../../../lib/db/postgres-as-root';
import { TEST_SECRET } from '../../fixtures/test-env.mjs';
import { freePort, waitForUrl } from '../setup/next-server';

// `npm ci && npm run dev` as root from a clone only root may traverse (in /root, in a mktemp -d):
// PostgreSQL runs as the `postgres` user, who can reach neither node_modules nor .data there.
const root = path.resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
let privateDir = '';
let project = '';
const homes = new Set<string>();

beforeAll(() => {
  if (!isRoot) return;
  // On the repository's filesystem, so that node_modules and the test build are hard links.
  mkdirSync(path.join(root, '.data'), { recursive: true });
  privateDir = mkdtempSync(path.join(root, '.data', 'private-'));
  chmodSync(privateDir, 0o700);
  project = path.join(privateDir, 'place-des-reseaux');
  mkdirSync(project);
  for (const entry of ['node_modules', '.next-e2e']) {
    const copied = spawnSync('cp', ['-al', path.join(root, entry), project], { encoding: 'utf8' });
    if (copied.status !== 0) throw new Error(`cp -al ${entry} : ${copied.stderr}`);
  }
  for (const entry of ['scripts', 'lib', 'prisma', 'public', '.contentlayer', 'package.json', 'tsconfig.json', 'next.config.ts']) {
    cpSync(path.join(root, entry), path.join(project, entry), { recursive: true });
  }
});

type Launcher = { process: ChildProcess; output: () => string; stop: () => Promise<void> };
const launchers: Launcher[] = [];

afterAll(async () => {
  for (const launcher of launchers) await launcher.stop();
  if (privateDir) rmSync(privateDir, { recursive: true, force: true });
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  try {
    rmdirSync(path.dirname(postgresHome('/')));
  } catch {
    // kept: other projects' clusters are there
  }
});

function env(port: number, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEXT_DIST_DIR: '.next-e2e',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_ISR_FLUSH_TO_DISK: '0',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    AUTH_SECRET: TEST_SECRET,
    // None: the launcher serves the address the test build recorded, or this port (site-url.test.ts).
    SITE_URL: '',
  };
}

/** `npm start` (node --import tsx scripts/serve.ts start) from the private copy, once it serves the home page. */
async function launch(port: number): Promise<Launcher> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: project,
    env: env(port, path.join(project, '.data')),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const launcher = { process: child, output: () => output, stop };
  launchers.push(launcher);
  await waitForUrl(`http://127.0.0.1:${port}/`, 120_000, () => output, child);
  return launcher;
}

async function homePage(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/`);
  expect(response.status).toBe(200);
  return response.text();
}

describe.skipIf(!isRoot)('the launcher run as root from a folder of mode 700 (skipped unless root, as in CI: only root runs PostgreSQL as `postgres`)', () => {
  // Two starts, the first copying the binaries: longer than the default minute while other files run.
  it('keeps the cluster and a copy of the binaries where `postgres` can reach them, says so, and finds them again', { timeout: 180_000 }, async () => {
    const port = await freePort();
    const first = await launch(port);
    // Where the cluster went, as the log says: cleaned up even if what follows fails.
    const home = /(\/var\/lib\/place-des-reseaux\/[0-9a-f]+)\//.exec(first.output())?.[1];
    if (home) homes.add(home);
    expect(await homePage(port)).toContain('Place des Réseaux');
    expect(home).toBeDefined();
    expect(first.output()).toContain(`données gardées dans ${home}/postgres`);
    expect(first.output()).toContain(`binaires copiés dans ${home}/`);
    expect(existsSync(path.join(`${home}`, 'postgres', 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(project, '.data', 'postgres', 'PG_VERSION'))).toBe(false);
    await first.stop();
    expect(first.process.exitCode).toBe(0);

    // The same folder finds its cluster (already migrated) and its binaries again.
    const again = await launch(port);
    expect(await homePage(port)).toContain('Place des Réseaux');
    expect(again.output()).toContain(`données gardées dans ${home}/postgres`);
    expect(again.output()).not.toContain('création de la base embarquée');
    expect(again.output()).not.toContain('appliquée');
    await again.stop();
  });

  it('stops with a French message naming the closed folder and the ways out when even that is impossible', async () => {
    const dataDir = path.join(project, 'blocked');
    // A file where the cluster would go: the folder cannot be made there.
    const home = postgresHome(path.join(dataDir, 'postgres'));
    homes.add(home);
    mkdirSync(path.dirname(home), { recursive: true });
    writeFileSync(home, '');
    const port = await freePort();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', 'start', '-p', String(port)], {
      cwd: project,
      env: env(port, dataDir),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`"module":"serve","msg":"La base embarquée ne peut pas démarrer : sous root, PostgreSQL tourne sous le compte postgres, qui n’atteint pas ${dataDir}/postgres`);
    expect(run.stderr).toContain(`${home} n’a pas pu être préparé`);
    expect(run.stderr).toContain(`« chmod o+x ${privateDir} »`);
    expect(run.stderr).toContain('DATABASE_URL');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
