import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeNginxConfig } from '../../scripts/local-nginx';
import { freePort, waitForUrl } from '../integration/setup/next-server';

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

// The production nginx file (only its ports and folders changed), in front of a stand-in for an
// instance that writes one event, then the next only once the reader has the first: a proxy
// that buffered the stream would never hand the first one over.
describe('nginx in front of a live stream', () => {
  it('passes each event on as it comes, to every reader, never from its cache', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-nginx-live-'));
    chmodSync(dir, 0o755);
    const release: Array<() => void> = [];
    const upstream = http.createServer((request, response) => {
      if (!request.url?.endsWith('/events')) return void response.writeHead(204).end();
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform' });
      response.write(`event: comment\ndata: {"n":1,"url":"${request.url}"}\n\n`);
      release.push(() => response.end('event: comment\ndata: {"n":2}\n\n'));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const address = upstream.address();
    const upstreamPort = typeof address === 'object' && address ? address.port : 0;
    const proxyPort = await freePort();
    const config = writeNginxConfig({ dir, proxyPort, upstreamPorts: [upstreamPort] });
    const nginx = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
    try {
      await waitForUrl(`http://127.0.0.1:${proxyPort}/`, 10_000, () => '');
      const events = '/api/pieces/interviews/valerie-march-place-des-reseaux/events';
      for (let reader = 0; reader < 2; reader++) {
        const response = await fetch(`http://127.0.0.1:${proxyPort}${events}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
        expect(response.headers.get('content-encoding')).toBeNull();
        expect(response.headers.get('x-cache')).toBeNull();
        const stream = response.body?.getReader();
        const first = await stream?.read();
        expect(new TextDecoder().decode(first?.value)).toContain('"n":1');
        release.shift()?.();
        let rest = '';
        for (let chunk = await stream?.read(); chunk && !chunk.done; chunk = await stream?.read()) rest += new TextDecoder().decode(chunk.value);
        expect(rest).toContain('"n":2');
      }
    } finally {
      nginx.kill('SIGTERM');
      await new Promise((resolve) => nginx.once('exit', resolve));
      upstream.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
