import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNginxConfig } from '../../../scripts/local-nginx';
import { TEST_SECRET } from '../setup/global-db';
import { databaseUrl, pieceApi, query, Visitor } from '../setup/helpers';
import { freePort, NEXT_BIN, startServer, waitForUrl, type RunningServer } from '../setup/next-server';

// An instance with METRICS_PORT: after scripted traffic, what Prometheus would read from it.
const TOKEN = 'jeton-des-metriques-0123456789';
const PIECE = 'articles/archive-02';
const BACKUP_AT = '2026-12-01T03:00:00.000Z';
const AUTHOR = 'Lectrice mesurée';
const SUBSCRIBER = 'mesure@exemple.fr';

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The Prometheus text format, as a list of samples. */
function parse(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`ligne illisible : ${line}`);
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((label) => [label[1] ?? '', label[2] ?? '']));
      return { name: match[1] ?? '', labels, value: Number(match[3]) };
    });
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, wanted]) => sample.labels[key] === wanted)).reduce((total, sample) => total + sample.value, 0);

describe('the metrics of an instance (METRICS_PORT)', () => {
  let server: RunningServer;
  let metricsUrl: string;
  let backups: string;

  beforeAll(async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const closedSmtp = await freePort();
    backups = mkdtempSync(path.join(tmpdir(), 'pdr-metrics-backups-'));
    writeFileSync(path.join(backups, 'status.json'), JSON.stringify({ lastSuccess: { at: BACKUP_AT, file: 'place-des-reseaux-2026-12-01T030000Z.tar.gz', bytes: 1, rows: 1 } }));
    server = await startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_SECRET,
      TRUST_PROXY: '1',
      SITE_URL: `http://127.0.0.1:${port}`,
      // Nothing listens there: the letter's confirmation e-mail fails.
      EMAIL_SERVER: `smtp://127.0.0.1:${closedSmtp}`,
      NEWSLETTER_INTERVAL_SECONDS: '0',
      RATE_RATINGS_PER_MINUTE_READER: '2',
      DATABASE_EMBEDDED: '1',
      BACKUP_DIR: backups,
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN: TOKEN,
    }, port);
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  });

  // The project's database is shared by the test files that follow: what this one wrote goes (the
  // piece's figures follow, by their triggers), and the piece has no rating again, as the others expect.
  afterAll(async () => {
    await server?.stop();
    rmSync(backups, { recursive: true, force: true });
    await query('DELETE FROM ratings WHERE piece_key = $1', [PIECE]);
    await query('DELETE FROM comments WHERE piece_key = $1 AND author_name = $2', [PIECE, AUTHOR]);
    await query('DELETE FROM newsletter_subscribers WHERE email = $1', [SUBSCRIBER]);
  });

  const scrape = async () => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return parse(await response.text());
  };

  it('asks for its token: 401 without it or with another, the metrics with it', async () => {
    const without = await fetch(metricsUrl);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await without.text()).toContain('METRICS_TOKEN');
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer jeton-des-metriques-9876543210' } })).status).toBe(401);
    expect((await fetch(metricsUrl.replace('/metrics', '/autre'), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(value(await scrape(), 'magazine_build_info')).toBe(1);
  });

  it('counts a 201, a 404 and a 429 under their route patterns, the writes, the cache, a failed e-mail, the pool and the last backup', async () => {
    const visitor = new Visitor(undefined, server.baseUrl);
    const api = pieceApi(PIECE);
    expect((await visitor.post(api.comments, { author: AUTHOR, body: 'Un commentaire pour les métriques.' })).status).toBe(201);
    expect((await visitor.get(pieceApi('articles/n-existe-pas').rating)).status).toBe(404);
    const ratings = [];
    for (let round = 0; round < 3; round++) ratings.push((await visitor.put(api.rating, { value: 4 })).status);
    expect(ratings).toEqual([200, 200, 429]);
    expect((await visitor.post('/api/newsletter/subscriptions', { email: SUBSCRIBER, rhythm: 'weekly' })).status).toBe(503);
    for (let visit = 0; visit < 2; visit++) expect((await visitor.get(`/${PIECE}`)).status).toBe(200);

    const samples = await scrape();
    const requests = (labels: Record<string, string>) => value(samples, 'magazine_http_requests_total', labels);
    expect(requests({ method: 'POST', route: '/api/pieces/[section]/[slug]/comments', status: '201' })).toBe(1);
    expect(requests({ method: 'GET', route: '/api/pieces/[section]/[slug]/rating', status: '404' })).toBe(1);
    expect(requests({ method: 'PUT', route: '/api/pieces/[section]/[slug]/rating', status: '429' })).toBe(1);
    expect(requests({ method: 'PUT', route: '/api/pieces/[section]/[slug]/rating', status: '200' })).toBe(2);
    // Never a raw path as a label.
    expect(samples.filter((sample) => sample.name === 'magazine_http_requests_total' && sample.labels.route?.includes('archive-02'))).toEqual([]);
    expect(value(samples, 'magazine_http_request_duration_seconds_count', { method: 'PUT', route: '/api/pieces/[section]/[slug]/rating' })).toBe(3);
    expect(value(samples, 'magazine_writes_total', { kind: 'rating', outcome: 'ok' })).toBe(2);
    expect(value(samples, 'magazine_writes_total', { kind: 'rating', outcome: 'limited' })).toBe(1);
    expect(value(samples, 'magazine_writes_total', { kind: 'comment', outcome: 'ok' })).toBe(1);
    expect(value(samples, 'magazine_email_sent_total', { kind: 'subscription', result: 'failed' })).toBe(1);
    expect(value(samples, 'magazine_cache_operations_total', { op: 'get', result: 'hit' })).toBeGreaterThan(0);
    expect(value(samples, 'magazine_cache_operations_total', { op: 'get', result: 'miss' })).toBeGreaterThan(0);
    expect(value(samples, 'magazine_cache_operations_total', { store: 'memory' })).toBeGreaterThan(0);
    expect(value(samples, 'magazine_db_pool_connections', { state: 'idle' }) + value(samples, 'magazine_db_pool_connections', { state: 'busy' })).toBeGreaterThan(0);
    expect(value(samples, 'magazine_db_pool_connections', { state: 'max' })).toBe(10);
    expect(samples.some((sample) => sample.name === 'magazine_db_pool_waiting_requests')).toBe(true);
    expect(value(samples, 'magazine_backup_last_success_timestamp_seconds')).toBe(Date.parse(BACKUP_AT) / 1000);
    expect(samples.some((sample) => sample.name === 'magazine_newsletter_deliveries' && sample.labels.state === 'pending')).toBe(true);
    expect(value(samples, 'magazine_draining')).toBe(0);
    expect(value(samples, 'magazine_http_requests_in_flight')).toBe(0);
    // prom-client's own, for the process.
    expect(value(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(samples.some((sample) => sample.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
  });

  it('is not reachable through deploy/nginx.conf: /metrics there is the magazine’s own 404 page', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdr-nginx-metrics-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'logs'), { recursive: true });
    const proxyPort = await freePort();
    const config = writeNginxConfig({ dir, proxyPort, upstreamPorts: [Number(new URL(server.baseUrl).port)] });
    expect(readFileSync(path.resolve('deploy/nginx.conf'), 'utf8')).not.toMatch(/metrics|946\d/i);
    let nginx: ChildProcess | undefined;
    try {
      nginx = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
      await waitForUrl(`http://127.0.0.1:${proxyPort}/`, 10_000, () => '');
      const before = value(await scrape(), 'magazine_http_requests_total', { route: '/[section]', status: '404' });
      for (const pathname of ['/metrics', '/metrics?x=1']) {
        const response = await fetch(`http://127.0.0.1:${proxyPort}${pathname}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(response.status).toBe(404);
        const text = await response.text();
        expect(text).not.toContain('magazine_');
        expect(text).toContain('</html>');
      }
      expect(value(await scrape(), 'magazine_http_requests_total', { route: '/[section]', status: '404' }) - before).toBe(2);
    } finally {
      nginx?.kill('SIGTERM');
      if (nginx) await new Promise((resolve) => nginx?.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
