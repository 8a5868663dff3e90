import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordSiteUrl, servedSiteUrl, siteUrlRecord } from '../../../scripts/site-url';
import { LAUNCHER } from '../setup/next-server';

// The public address is a build setting: `npm start` serves the one its build recorded and
// refuses another, instead of serving prerendered pages of one origin and fresh ones of another.
const distDir = mkdtempSync(path.join(tmpdir(), 'pdr-site-url-'));
afterAll(() => rmSync(distDir, { recursive: true, force: true }));

describe('SITE_URL, recorded by the build', () => {
  it('serves the recorded address, accepts the same one, refuses another with the way out', () => {
    expect(servedSiteUrl(distDir, undefined, 'http://localhost:3000')).toBe('http://localhost:3000');
    recordSiteUrl(distDir, 'https://www.placedesreseaux.fr');
    expect(servedSiteUrl(distDir, undefined, 'http://localhost:3000')).toBe('https://www.placedesreseaux.fr');
    expect(servedSiteUrl(distDir, 'https://www.placedesreseaux.fr/', 'http://localhost:3000')).toBe('https://www.placedesreseaux.fr');
    expect(() => servedSiteUrl(distDir, 'https://autre.example', 'http://localhost:3000')).toThrow(
      /Ce build a été fait pour SITE_URL=https:\/\/www\.placedesreseaux\.fr, pas https:\/\/autre\.example.*SITE_URL=https:\/\/autre\.example npm run build/,
    );
  });

  it('npm start refuses, before starting anything, a SITE_URL other than the test build’s', () => {
    expect(readFileSync(siteUrlRecord('.next-e2e'), 'utf8').trim()).toBe('http://127.0.0.1:3100');
    const started = spawnSync(LAUNCHER[0] ?? 'node', [...LAUNCHER.slice(1), 'start', '-p', '3999'], {
      env: { ...process.env, NEXT_DIST_DIR: '.next-e2e', SITE_URL: 'http://127.0.0.1:3999', DATABASE_URL: '', DATA_DIR: distDir },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('Ce build a été fait pour SITE_URL=http://127.0.0.1:3100, pas http://127.0.0.1:3999');
    expect(started.stdout).not.toContain('PostgreSQL embarqué');
  });
});
