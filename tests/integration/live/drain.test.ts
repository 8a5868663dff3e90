import http from 'node:http';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_SECRET } from '../setup/global-db';
import { databaseUrl } from '../setup/helpers';
import { within } from '../setup/cluster';
import { freePort, LAUNCHER, startServer, type RunningServer } from '../setup/next-server';

// One instance of its own, started as `npm start` starts it, holding as many live streams as its
// LIVE_MAX_STREAMS allows; then SIGTERM, as a rolling restart sends it, while readers keep asking
// for pages.

const STREAMS = 200;
const DRAIN_TIMEOUT_MS = 10_000;
const PIECE = '/articles/deleguer-l-animation-de-ses-reseaux';
const EVENTS = `/api/pieces${PIECE}/events`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'pdr-live-drain-'));
chmodSync(dataDir, 0o755);
let server: RunningServer;
let port: number;
// Browsers keep their connections open between requests: so do these readers.
const agent = new http.Agent({ keepAlive: true, maxSockets: STREAMS + 10 });

type Held = { status: Promise<number>; firstBytes: Promise<string>; ended: Promise<{ clean: boolean; text: string }>; leave: () => void };

function holdStream(): Held {
  let received = '';
  let first: (text: string) => void = () => undefined;
  const firstBytes = new Promise<string>((resolve) => (first = resolve));
  let answered: (status: number) => void = () => undefined;
  const status = new Promise<number>((resolve) => (answered = resolve));
  let request: http.ClientRequest | null = null;
  const ended = new Promise<{ clean: boolean; text: string }>((resolve) => {
    request = http.get({ host: '127.0.0.1', port, path: EVENTS, agent }, (response) => {
      answered(response.statusCode ?? 0);
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
        first(received);
      });
      response.on('end', () => resolve({ clean: response.statusCode === 200, text: received }));
      response.on('error', () => resolve({ clean: false, text: received }));
    });
    request.on('error', () => resolve({ clean: false, text: received }));
  });
  // A reader who closes the tab: the browser drops the connection.
  return { status, firstBytes, ended, leave: () => request?.destroy() };
}

beforeAll(async () => {
  port = await freePort();
  server = await startServer([...LAUNCHER, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    DATA_DIR: dataDir,
    NEXT_DIST_DIR: '.next-e2e',
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: TEST_SECRET,
    SITE_URL: '',
    LIVE_MAX_STREAMS: String(STREAMS),
    DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS),
    NEWSLETTER_INTERVAL_SECONDS: '0',
  }, port);
}, 120_000);

afterAll(async () => {
  agent.destroy();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('an instance holding its live streams', () => {
  it('holds LIVE_MAX_STREAMS streams, refuses the next with a 503 in JSON, gives back the places of readers who leave, and on SIGTERM ends them all and exits 0 within DRAIN_TIMEOUT_MS, while readers’ requests get answers', async () => {
    const first = Array.from({ length: STREAMS }, holdStream);
    for (const stream of first) expect(await stream.firstBytes).toContain('retry: 5000');
    expect((await fetch(`http://127.0.0.1:${port}${EVENTS}`)).status).toBe(503);

    // Readers who leave give their place back: 50 leave, 50 others get a stream, no more.
    const leaving = first.slice(0, 50);
    for (const stream of leaving) stream.leave();
    let next = holdStream();
    expect(await within(2000, async () => {
      if ((await next.status) === 200) return true;
      next = holdStream();
      return false;
    }), 'une place rendue en 2 s').not.toBeNull();
    const others = [next, ...Array.from({ length: 49 }, holdStream)];
    for (const stream of others) expect(await stream.firstBytes).toContain('retry: 5000');
    const held = [...first.slice(50), ...others];

    const refused = await fetch(`http://127.0.0.1:${port}${EVENTS}`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await refused.json()).toEqual({ error: { code: 'live_unavailable', message: expect.stringMatching(/en direct.*rechargerez la page/) } });
    // The page itself, and everything else, is still served: only the live notice is missing.
    expect((await fetch(`http://127.0.0.1:${port}${PIECE}`)).status).toBe(200);

    // Readers keep asking for the page and the API until the instance is gone. A request the
    // instance accepted must be answered; once it stops listening, a new connection is refused
    // (nginx then sends it to another instance): refused is not failed.
    const outcomes = { answered: 0, refused: 0, failed: [] as string[] };
    let running = true;
    const reader = async (target: string) => {
      while (running) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}${target}`);
          await response.arrayBuffer();
          if (response.status === 200) outcomes.answered++;
          else outcomes.failed.push(`${target} : ${response.status}`);
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          if (code === 'ECONNREFUSED') outcomes.refused++;
          else outcomes.failed.push(`${target} : ${code ?? String(error)}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const readers = [PIECE, `/api/pieces${PIECE}/comments`, PIECE, '/api/openapi.json'].map(reader);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalled = Date.now();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    const code = await exited;
    const elapsed = Date.now() - signalled;
    running = false;
    await Promise.all(readers);

    expect(code, server.output().slice(-2000)).toBe(0);
    expect(elapsed, 'sortie avant DRAIN_TIMEOUT_MS').toBeLessThan(DRAIN_TIMEOUT_MS);
    expect(server.output()).not.toContain('encore en cours après');
    const ends = await Promise.all(held.map((stream) => stream.ended));
    // Each stream was ended by the instance, cleanly, telling its browser to come back soon.
    expect(ends.filter((end) => end.clean && /retry: \d+\n\n$/.test(end.text))).toHaveLength(STREAMS);
    expect(outcomes.failed).toEqual([]);
    expect(outcomes.answered).toBeGreaterThan(0);
  });
});
