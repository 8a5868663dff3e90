import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { E2E_PORT } from '../../fixtures/test-env.mjs';
import { freePort, LAUNCHER, startServer, type RunningServer } from '../setup/next-server';

// `npm start` with nothing configured: the launcher starts the embedded PostgreSQL, migrates it,
// serves the magazine, keeps the data across restarts and stops everything together.
const dataDir = mkdtempSync(path.join(tmpdir(), 'pdr-launcher-'));
chmodSync(dataDir, 0o755);
// Empty values count as unset: whatever the calling shell has, nothing is configured here.
const launcherEnv = { DATA_DIR: dataDir, NEXT_DIST_DIR: '.next-e2e', DATABASE_URL: '', AUTH_SECRET: '' };

async function launch(port: number): Promise<RunningServer> {
  // No SITE_URL: the build's own address is served (tests/integration/app/site-url.test.ts).
  return startServer([...LAUNCHER, 'start', '-p', String(port), '-H', '127.0.0.1'], { ...launcherEnv, SITE_URL: '' }, port);
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the launcher behind npm start, with the embedded database', () => {
  it('serves with nothing configured, refuses a second launcher on the same data, stops cleanly, and keeps the data', async () => {
    const port = await freePort();
    const first = await launch(port);
    servers.push(first);
    const rating = `${first.baseUrl}/api/pieces/interviews/valerie-march-place-des-reseaux/rating`;
    // The site's public address is the one the build recorded, whatever port serves it.
    const put = await fetch(rating, { method: 'PUT', headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${E2E_PORT}` }, body: '{"value":4}' });
    expect(put.status).toBe(200);
    const cookie = (put.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(first.output()).toContain('PostgreSQL embarqué sur 127.0.0.1:');
    expect(first.output()).toContain('20261126080000_init appliquée');
    // The embedded database is saved each night while `npm start` runs.
    expect(first.output()).toMatch(/"module":"sauvegarde","msg":"prochaine sauvegarde de la base embarquée le .* 03:00:00, dans .*backups/);

    const second = spawnSync(LAUNCHER[0] ?? 'node', [...LAUNCHER.slice(1), 'start', '-p', String(await freePort())], {
      env: { ...process.env, ...launcherEnv },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain('est déjà utilisée par un autre processus');

    await first.stop();
    expect(first.process.exitCode).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    await expect(fetch(rating)).rejects.toThrow();

    const again = await launch(port);
    servers.push(again);
    const after = await fetch(rating, { headers: { cookie } });
    expect(await after.json()).toMatchObject({ average: 4, count: 1, mine: 4 });
    expect(again.output()).not.toContain('appliquée');
  });
});

describe('the launcher with REDIS_URL (several instances)', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(LAUNCHER[0] ?? 'node', [...LAUNCHER.slice(1), 'start', '-p', '3998'], {
      env: { ...process.env, ...launcherEnv, SITE_URL: '', REDIS_URL: 'redis://127.0.0.1:6379/15', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('refuses, before starting anything, to run without the server actions’ key shared by every instance', () => {
    const started = start({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: '' });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY est obligatoire');
    expect(started.stderr).toContain('openssl rand -base64 32');
    expect(started.stdout).not.toContain('PostgreSQL embarqué');
  });

  it('refuses a key that is not 16, 24 or 32 bytes of base64, and a REDIS_URL that is not redis://', () => {
    const badKey = start({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'trop-court' });
    expect(badKey.status).toBe(1);
    expect(badKey.stderr).toContain('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY doit être 16, 24 ou 32 octets en base64');
    const badUrl = start({ REDIS_URL: 'http://127.0.0.1:6379', NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') });
    expect(badUrl.status).toBe(1);
    expect(badUrl.stderr).toContain('REDIS_URL doit être une adresse redis://');
  });
});
