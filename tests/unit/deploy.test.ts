import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// deploy/ is what an operator copies onto a server: systemd must accept the instance unit as it is.
const unit = path.resolve('deploy/place-des-reseaux@.service');

describe('the systemd unit of an instance', () => {
  it('passes systemd-analyze verify, as place-des-reseaux@3000', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-unit-'));
    try {
      copyFileSync(unit, path.join(dir, 'place-des-reseaux@.service'));
      const verified = spawnSync('systemd-analyze', ['verify', 'place-des-reseaux@3000.service'], { cwd: dir, encoding: 'utf8' });
      expect(verified.error, 'systemd-analyze (paquet Debian systemd) est introuvable').toBeUndefined();
      expect(verified.stderr + verified.stdout).toBe('');
      expect(verified.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('starts the launcher on the port it is named after, stops it with SIGTERM within a bound, with the shared settings', () => {
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^ExecStart=\/usr\/bin\/node --import tsx scripts\/serve\.ts start -p %i -H 127\.0\.0\.1$/m);
    expect(text).toMatch(/^KillSignal=SIGTERM$/m);
    expect(text).toMatch(/^TimeoutStopSec=20$/m);
    expect(text).toMatch(/^EnvironmentFile=\/etc\/place-des-reseaux\.env$/m);
  });
});
