import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNginxConfig } from '../../../scripts/local-nginx';
import { startStack, type Stack } from '../../e2e/fixtures/stack';
import { freePort } from '../setup/next-server';

// The test archive's content/redirects.json (tests/e2e/fixtures/compose-content.mjs): old
// addresses of a magazine moved in answer 301 to their page, from the magazine itself and, with
// `npm run content:redirects`, from deploy/nginx.conf without asking an instance.
const INTERVIEW = '/interviews/valerie-march-place-des-reseaux';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.stop());

const moved = async (base: string, pathname: string) => {
  const response = await fetch(`${base}${pathname}`, { redirect: 'manual' });
  await response.arrayBuffer();
  return { status: response.status, location: response.headers.get('location') };
};

describe('old addresses (content/redirects.json)', () => {
  it('answers 301 to the new page, a chain in one step, the reader’s query kept, an old query alone; anything else is still a 404', async () => {
    expect(await moved(stack.baseUrl, '/2010/05/12/valerie-march/')).toEqual({ status: 301, location: INTERVIEW });
    expect(await moved(stack.baseUrl, '/2010/05/valerie-march')).toEqual({ status: 301, location: INTERVIEW });
    expect(await moved(stack.baseUrl, '/2010/05/12/valerie-march/?utm_source=linkedin')).toEqual({ status: 301, location: `${INTERVIEW}?utm_source=linkedin` });
    expect(await moved(stack.baseUrl, '/?p=123')).toEqual({ status: 301, location: '/articles/archive-02' });
    expect(await moved(stack.baseUrl, '/category/archives/')).toEqual({ status: 301, location: '/tags/archives' });
    expect(await moved(stack.baseUrl, '/feed/')).toEqual({ status: 301, location: '/flux/rss.xml' });
    expect((await moved(stack.baseUrl, '/2010/05/12/autre-chose')).status).toBe(404);
    expect((await moved(stack.baseUrl, '/?p=124')).status).toBe(200);
    const followed = await fetch(`${stack.baseUrl}/2010/05/12/valerie-march/`);
    expect(followed.status).toBe(200);
    expect(followed.url).toBe(`${stack.baseUrl}${INTERVIEW}`);
    expect(await followed.text()).toContain('Valérie March');
  });

  it('is answered by deploy/nginx.conf itself from the maps npm run content:redirects writes, with no instance behind it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-nginx-redirects-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'logs'), { recursive: true });
    let nginx: ChildProcess | undefined;
    try {
      const written = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/redirects-map.ts', path.join(dir, 'redirects')], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: '.data/e2e-content' } });
      expect(written.status, written.stderr).toBe(0);
      // The archive's own five, and those npm run import added (scripts/test.mjs).
      const entries = Object.keys(JSON.parse(readFileSync('.data/e2e-content/redirects.json', 'utf8')) as Record<string, string>).length;
      expect(entries).toBeGreaterThan(5);
      expect(written.stdout).toContain(`${entries} redirection(s) écrite(s)`);
      const proxyPort = await freePort();
      // Its one instance is not running: what nginx answers, it answers alone.
      const config = writeNginxConfig({ dir, proxyPort, upstreamPorts: [await freePort()] });
      const checked = spawnSync('nginx', ['-t', '-c', config], { encoding: 'utf8' });
      expect(checked.status, checked.stderr).toBe(0);
      nginx = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
      const base = `http://127.0.0.1:${proxyPort}`;
      // Up once it answers (a redirect is not followed: what it points to has no instance).
      const deadline = Date.now() + 10_000;
      while ((await moved(base, '/feed/').catch(() => ({ status: 0 }))).status !== 301 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      const absolute = (location: string | null) => (location ? new URL(location, base).pathname + new URL(location, base).search : null);
      for (const [from, to] of [
        ['/2010/05/12/valerie-march/', INTERVIEW],
        ['/2010/05/12/valerie-march', INTERVIEW],
        ['/2010/05/valerie-march/?utm_source=linkedin', `${INTERVIEW}?utm_source=linkedin`],
        ['/?p=123', '/articles/archive-02'],
        ['/feed/', '/flux/rss.xml'],
        ['/2010/05/12/reseauter-sans-s-epuiser/', '/articles/reseauter-sans-s-epuiser'],
        ['/tag/linkedin/', '/tags/linkedin'],
      ] as const) {
        const answer = await moved(base, from);
        expect(answer.status, from).toBe(301);
        expect(absolute(answer.location), from).toBe(to);
      }
      expect((await moved(base, '/articles/archive-02')).status).toBe(502);
    } finally {
      if (nginx?.pid && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx?.once('exit', resolve));
        nginx.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves deploy/nginx.conf valid without the maps’ folder (no old address: the maps are empty)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-nginx-no-redirects-'));
    try {
      mkdirSync(path.join(dir, 'logs'), { recursive: true });
      const config = writeNginxConfig({ dir, proxyPort: 1, upstreamPorts: [2] });
      const checked = spawnSync('nginx', ['-t', '-c', config], { encoding: 'utf8' });
      expect(checked.status, checked.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
