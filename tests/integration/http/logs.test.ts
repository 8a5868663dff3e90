import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNginxConfig } from '../../../scripts/local-nginx';
import { linkIn, startSmtp, waitForMail } from '../../fixtures/smtp';
import { E2E_PORT } from '../../fixtures/test-env.mjs';
import { TEST_SECRET } from '../setup/global-db';
import { databaseUrl, pieceApi, query, Visitor, type Answer } from '../setup/helpers';
import { freePort, LAUNCHER, startServer, waitForUrl, type RunningServer } from '../setup/next-server';

// `npm start` behind deploy/nginx.conf: after a reader's visit (pages, a 404, a rating, a comment,
// the letter, a sign-in link, an e-mail refused by the server), every line the launcher, Next and
// the magazine wrote is JSON, each request is one line with the id nginx gave it, and nothing a
// reader gave (address, cookie, link) nor any secret is in any of them.
const SITE = `http://127.0.0.1:${E2E_PORT}`;
const PIECE = 'articles/archive-03';
const AUTHOR = 'Lectrice du journal';
const COMMENTER = 'lectrice.journal@exemple.fr';
const SUBSCRIBER = 'abonnee.journal@exemple.fr';
const REFUSED = 'refusee.journal@exemple.fr';
const SIGNING_IN = 'connexion.journal@exemple.fr';
const METRICS_TOKEN = 'jeton-des-metriques-du-journal-0123';

type Line = { level: string; time: string; module: string; msg: string; request_id?: string; method?: string; route?: string; status?: number; duration_ms?: number; err?: { message: string; stack?: string } };

describe('the log of an instance (npm start behind deploy/nginx.conf)', () => {
  let server: RunningServer;
  let nginx: ChildProcess | undefined;
  let proxy: string;
  let dir: string;
  let closeSmtp: () => Promise<void>;
  const answers: Array<{ path: string; answer: Answer }> = [];
  const readerGave: string[] = [COMMENTER, SUBSCRIBER, REFUSED, SIGNING_IN, TEST_SECRET, METRICS_TOKEN];
  let lines: Line[] = [];
  let raw: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pdr-logs-'));
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'logs'));
    mkdirSync(path.join(dir, 'loaded'));
    const smtp = await startSmtp(path.join(dir, 'mails'), { recipientReply: (address) => (address === REFUSED ? { code: 550, message: `Boîte ${address} inconnue ici` } : null) });
    closeSmtp = smtp.close;
    const port = await freePort();
    const proxyPort = await freePort();
    server = await startServer([...LAUNCHER, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_SECRET,
      TRUST_PROXY: '1',
      SITE_URL: '',
      EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
      NEWSLETTER_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
      METRICS_PORT: String(await freePort()),
      METRICS_TOKEN,
      NODE_OPTIONS: `--import ${pathToFileURL(path.resolve('tests/fixtures/loaded-packages.mjs')).href}`,
      LOADED_PACKAGES_DIR: path.join(dir, 'loaded'),
    }, port);
    const config = writeNginxConfig({ dir, proxyPort, upstreamPorts: [port], microCache: false });
    nginx = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
    proxy = `http://127.0.0.1:${proxyPort}`;
    await waitForUrl(`${proxy}/api/health`, 10_000, () => '');

    // The reader's visit, through nginx.
    const reader = new Visitor(undefined, SITE);
    const visit = async (method: string, pathname: string, body?: unknown, headers?: Record<string, string>) => {
      const answer = await reader.send(method, `${proxy}${pathname}`, body, headers);
      answers.push({ path: pathname, answer });
      return answer;
    };
    expect((await visit('GET', '/')).status).toBe(200);
    expect((await visit('GET', `/${PIECE}`)).status).toBe(200);
    expect((await visit('GET', '/n-existe-pas')).status).toBe(404);
    expect((await visit('PUT', pieceApi(PIECE).rating, { value: 5 })).status).toBe(200);
    expect((await visit('POST', pieceApi(PIECE).comments, { author: AUTHOR, email: COMMENTER, body: `Écrivez-moi à ${COMMENTER}.` })).status).toBe(201);
    expect((await visit('POST', '/api/newsletter/subscriptions', { email: SUBSCRIBER, rhythm: 'weekly' })).status).toBe(202);
    expect((await visit('POST', '/api/newsletter/subscriptions', { email: REFUSED, rhythm: 'weekly' })).status).toBe(503);
    const csrf = await visit('GET', '/api/auth/csrf');
    const form = new URLSearchParams({ email: SIGNING_IN, csrfToken: String(csrf.body.csrfToken), callbackUrl: `${SITE}/compte`, json: 'true' }).toString();
    expect((await visit('POST', '/api/auth/signin/email', form, { 'content-type': 'application/x-www-form-urlencoded' })).status).toBeLessThan(400);
    const mail = await waitForMail(path.join(dir, 'mails'), SIGNING_IN, (received) => received.subject.includes('lien de connexion'));
    const link = new URL(linkIn(mail, `${SITE}/api/auth/callback/email`));
    readerGave.push(link.searchParams.get('token') ?? 'pas de jeton dans le lien');
    // Signed in by the link: the session cookie's value joins the reader's cookie among what must not show.
    expect((await visit('GET', `${link.pathname}${link.search}`)).status).toBe(302);
    for (const value of reader.cookies.values()) readerGave.push(decodeURIComponent(value));
    expect(reader.cookies.get('next-auth.session-token')).toBeTruthy();

    // Stopped as systemd stops it: everything the run wrote is in.
    await server.stop();
    const { stdout, stderr } = server.streams();
    raw = `${stdout}${stderr}`.split('\n').filter((line) => line.trim() !== '');
    lines = raw.filter(parses).map((line) => JSON.parse(line) as Line);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    if (nginx?.pid && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await closeSmtp?.();
    rmSync(dir, { recursive: true, force: true });
    // The project's database is shared by the files that follow: what this one wrote goes.
    await query('DELETE FROM ratings WHERE piece_key = $1', [PIECE]);
    await query('DELETE FROM comments WHERE piece_key = $1 AND author_name = $2', [PIECE, AUTHOR]);
    await query('DELETE FROM newsletter_subscribers WHERE email = ANY($1)', [[SUBSCRIBER, REFUSED]]);
    await query('DELETE FROM users WHERE email = $1', [SIGNING_IN]);
  });

  it('writes nothing but JSON lines, Next’s banner and the migrations included, each with its level, time, module and message', () => {
    expect(raw.length).toBeGreaterThan(20);
    expect(raw.filter((line) => !parses(line))).toEqual([]);
    for (const line of lines) {
      expect(line).toMatchObject({ level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/), module: expect.any(String), msg: expect.any(String) });
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    }
    const modules = new Set(lines.map((line) => line.module));
    // The launcher's migrations, Next's banner (written as lines), the archive's sync, the drain.
    for (const name of ['migrations', 'next', 'recherche', 'instance', 'http', 'métriques']) expect(modules).toContain(name);
    expect(lines.some((line) => line.module === 'next' && /Ready|Next\.js/.test(line.msg))).toBe(true);
    expect(lines.some((line) => line.module === 'recherche' && line.msg.startsWith('archive synchronisée en'))).toBe(true);
    expect(lines.some((line) => line.module === 'instance' && line.msg.startsWith('arrêtée proprement'))).toBe(true);
  });

  it('logs each request once, with its method, route pattern, status, duration and the id nginx gave it', () => {
    const requests = lines.filter((line) => line.module === 'http');
    expect(answers.length).toBe(10);
    for (const { path: pathname, answer } of answers) {
      const id = answer.headers.get('x-request-id') ?? '';
      // nginx's $request_id: 32 hexadecimal digits.
      expect(id, pathname).toMatch(/^[0-9a-f]{32}$/);
      const logged = requests.filter((line) => line.request_id === id);
      expect(logged, pathname).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 'info', method: expect.any(String), status: answer.status, duration_ms: expect.any(Number) });
    }
    const of = (pathname: string) => requests.find((line) => line.request_id === answers.find((answer) => answer.path === pathname)?.answer.headers.get('x-request-id'));
    expect(of(`/${PIECE}`)).toMatchObject({ method: 'GET', route: '/articles/[slug]', status: 200 });
    expect(of('/n-existe-pas')).toMatchObject({ method: 'GET', route: '/[section]', status: 404 });
    expect(of(pieceApi(PIECE).rating)).toMatchObject({ method: 'PUT', route: '/api/pieces/[section]/[slug]/rating', status: 200 });
    expect(of(pieceApi(PIECE).comments)).toMatchObject({ method: 'POST', route: '/api/pieces/[section]/[slug]/comments', status: 201 });
    // Never a raw path.
    expect(requests.filter((line) => line.route?.includes('archive-03'))).toEqual([]);
  });

  it('logs a failed e-mail with its error, in the request’s line of the log (its id), the address masked', () => {
    const refusedId = answers.filter((answer) => answer.path === '/api/newsletter/subscriptions')[1]?.answer.headers.get('x-request-id');
    const failed = lines.find((line) => line.module === 'lettre' && line.msg === 'e-mail de confirmation non envoyé');
    expect(failed).toMatchObject({ level: 'error', request_id: refusedId });
    expect(failed?.err?.message).toContain('[adresse masquée]');
    expect(failed?.err?.stack).toContain('at ');
  });

  it('carries no e-mail address, no cookie value, no sign-in token and no secret, in any line', () => {
    const all = raw.join('\n');
    for (const value of readerGave) {
      expect(value.length).toBeGreaterThan(8);
      expect(all, value).not.toContain(value);
      expect(all, value).not.toContain(encodeURIComponent(value));
    }
    expect(all).not.toMatch(/[\w.+-]+@exemple\.(fr|com)/);
  });

  it('loads no OpenTelemetry code without OTEL_EXPORTER_OTLP_ENDPOINT (but the API Next itself asks for)', () => {
    const loaded = readdirSync(path.join(dir, 'loaded')).flatMap((file) => readFileSync(path.join(dir, 'loaded', file), 'utf8').split('\n').filter(Boolean));
    // The API, which Next's server requires itself, shows the preload saw the server's packages.
    expect(loaded).toContain('@opentelemetry/api');
    expect(loaded.filter((request) => request !== '@opentelemetry/api')).toEqual([]);
  });
});

function parses(line: string): boolean {
  try {
    return typeof JSON.parse(line) === 'object';
  } catch {
    return false;
  }
}
