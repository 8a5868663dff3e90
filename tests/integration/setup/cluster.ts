import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../lib/db/embedded-postgres';
import { migrate } from '../../../lib/db/migrations';
import { TEST_SECRET } from '../../fixtures/test-env.mjs';
import { freePort, NEXT_BIN, startServer, waitForUrl, type RunningServer } from './next-server';

// Several instances of the test build, as an operator runs them: each from its own copy of the
// build (sharing one folder would hide what they do not share), one PostgreSQL, one Redis of the
// test's own (a redis-server on a free port, which the test may stop and start again).

const root = path.resolve(import.meta.dirname, '../../..');
/** The site's address for every instance: the one the test build was made for. */
export const SITE_URL = 'http://127.0.0.1:3100';
const ACTIONS_KEY = Buffer.alloc(32, 7).toString('base64');

export type Redis = { url: string; stop: () => Promise<void>; start: () => Promise<void> };

/** A redis-server of the test's own, keeping nothing on disk. */
export async function startRedis(): Promise<Redis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'volatile-lru'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const answered = await new Promise<boolean>((resolve) => {
        const ping = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        ping.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        ping.once('exit', () => resolve(out.trim() === 'PONG'));
      });
      if (answered) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server ne répond pas sur le port ${port}`);
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  await start();
  return { url: `redis://127.0.0.1:${port}`, stop, start };
}

export type Instance = { name: string; port: number; metricsPort: number; url: string; server: RunningServer; start: () => Promise<void>; stop: () => Promise<void> };

export type Cluster = { instances: Instance[]; databaseUrl: string; redis: Redis; stop: () => Promise<void> };

/** `count` instances of the test build, each from its own copy, on one embedded PostgreSQL and one Redis. */
export async function startCluster(count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdr-cluster-'));
  chmodSync(dir, 0o755);
  const database: EmbeddedDatabase = await startEmbeddedPostgres(path.join(dir, 'postgres'));
  await migrate(database.url, undefined, () => undefined);
  const redis = await startRedis();
  const copies: string[] = [];
  const instances: Instance[] = [];
  for (let index = 0; index < count; index++) {
    const name = String.fromCharCode(97 + index);
    // Beside the original: the build's links to node_modules are relative to its folder.
    const distDir = `.next-instance-${name}`;
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    cpSync(path.join(root, '.next-e2e'), path.join(root, distDir), { recursive: true, filter: (source) => path.basename(source) !== 'cache' });
    copies.push(distDir);
    const port = await freePort();
    // Its Prometheus metrics, on a port of their own (lib/http/metrics-server.ts).
    const metricsPort = await freePort();
    const launch = () =>
      startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        REDIS_PREFIX: 'pdr-test',
        AUTH_SECRET: TEST_SECRET,
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: ACTIONS_KEY,
        NEXT_MANUAL_SIG_HANDLE: '1',
        SITE_URL,
        TRUST_PROXY: '1',
        METRICS_PORT: String(metricsPort),
        ...env,
      }, port);
    const instance: Instance = {
      name,
      port,
      metricsPort,
      url: `http://127.0.0.1:${port}`,
      server: await launch(),
      start: async () => {
        instance.server = await launch();
        await waitForUrl(`${instance.url}/api/health`, 30_000, instance.server.output, instance.server.process);
      },
      stop: () => instance.server.stop(),
    };
    instances.push(instance);
  }
  return {
    instances,
    databaseUrl: database.url,
    redis,
    stop: async () => {
      await Promise.all(instances.map((instance) => instance.stop()));
      await redis.stop();
      await database.stop();
      for (const copy of copies) rmSync(path.join(root, copy), { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` every 25 ms until it holds; the time it took, or null after `timeoutMs`. */
export async function within(timeoutMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started <= timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return null;
}
