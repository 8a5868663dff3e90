import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EDITOR_EMAIL } from '../setup/global-db';
import { query, randomAddress, signInAs, Visitor } from '../setup/helpers';

// The audience's beacons (POST /api/views) as the test server takes them: counted, not counted,
// refused. The server writes its batch every second (AUDIENCE_FLUSH_SECONDS=1, global-db.ts).

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const PIECE = '/articles/le-ton-juste-sur-les-reseaux';

type Visit = { day: string; path: string; source: string; campaign: string; views: number; reads: number };

/** A reader's browser sending beacons: its own address and User-Agent, same-origin. */
class Reader {
  readonly visitor: Visitor;
  constructor(readonly userAgent = CHROME, address = randomAddress()) {
    this.visitor = new Visitor(address);
  }

  beacon(body: unknown, headers: Record<string, string> = {}) {
    return this.visitor.send('POST', '/api/views', typeof body === 'string' ? body : JSON.stringify(body), {
      'content-type': 'text/plain;charset=UTF-8',
      'user-agent': this.userAgent,
      'sec-fetch-site': 'same-origin',
      ...headers,
    });
  }

  /** Its hash of the day, as the server makes it (the salt read from the database). */
  async hash(): Promise<Buffer | null> {
    const [row] = await query<{ salt: Buffer }>(`SELECT salt FROM audience_salts WHERE day = (now() AT TIME ZONE 'Europe/Paris')::date`);
    return row ? createHmac('sha256', row.salt).update(this.visitor.address).update('\0').update(this.userAgent).digest().subarray(0, 16) : null;
  }

  async visits(): Promise<Visit[]> {
    const hash = await this.hash();
    if (!hash) return [];
    return query<Visit>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, path, source, campaign, views, reads FROM audience_visits WHERE visitor = $1 ORDER BY path, source`,
      [hash],
    );
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// Long enough for two flushes: what was not written by then never will be.
const settle = () => new Promise((resolve) => setTimeout(resolve, 2500));

describe('a reader’s visits', () => {
  it('counts a view and a visitor; a second visit the same day one more view, the same visitor; a read to the end', async () => {
    const reader = new Reader();
    const first = await reader.beacon({ path: PIECE, referrer: '' });
    expect(first.status).toBe(204);
    expect(first.headers.get('set-cookie')).toBeNull();
    expect(await until(() => reader.visits(), (rows) => rows[0]?.views === 1)).toMatchObject([{ path: PIECE, source: 'direct', views: 1, reads: 0 }]);

    await reader.beacon({ path: PIECE, referrer: '' });
    await reader.beacon({ kind: 'read', path: PIECE, referrer: '' });
    expect(await until(() => reader.visits(), (rows) => rows[0]?.views === 2 && rows[0].reads === 1)).toMatchObject([{ path: PIECE, source: 'direct', views: 2, reads: 1 }]);
    expect(reader.visitor.cookies.size).toBe(0);
  });

  it('counts a reader from LinkedIn under LinkedIn, a letter’s link under « La lettre » and its send', async () => {
    const reader = new Reader();
    await reader.beacon({ path: PIECE, referrer: 'https://www.linkedin.com/feed/update/urn:li:activity:1/' });
    await reader.beacon({ path: '/', referrer: 'https://www.google.com/', utmSource: 'lettre', utmCampaign: 'f1b2c3d4-0000-4000-8000-000000000001' });
    const rows = await until(() => reader.visits(), (found) => found.length === 2);
    expect(rows).toMatchObject([
      { path: '/', source: 'lettre', campaign: 'f1b2c3d4-0000-4000-8000-000000000001', views: 1 },
      { path: PIECE, source: 'linkedin', campaign: '', views: 1 },
    ]);
  });
});

describe('what is not counted', () => {
  it('counts no robot, no prefetch or prerender, no GPC or DNT, no editor signed in: each answered 204 all the same', async () => {
    const robot = new Reader('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)');
    const headless = new Reader('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36');
    const prefetch = new Reader();
    const gpc = new Reader();
    const dnt = new Reader();
    const editor = new Reader();
    await signInAs(editor.visitor, EDITOR_EMAIL, 'editor');
    const answers = [
      await robot.beacon({ path: PIECE }),
      await headless.beacon({ path: PIECE }),
      await prefetch.beacon({ path: PIECE }, { 'sec-purpose': 'prefetch;prerender' }),
      await gpc.beacon({ path: PIECE }, { 'sec-gpc': '1' }),
      await dnt.beacon({ path: PIECE }, { dnt: '1' }),
      await editor.beacon({ path: PIECE }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 204, 204]);
    // A reader counted meanwhile shows the batch was written.
    const witness = new Reader();
    await witness.beacon({ path: PIECE });
    await until(() => witness.visits(), (rows) => rows.length === 1);
    await settle();
    for (const reader of [robot, headless, prefetch, gpc, dnt, editor]) expect(await reader.visits()).toEqual([]);
  });
});

describe('bad beacons', () => {
  it('refuses each with its status and a French message, and stores nothing of them', async () => {
    const reader = new Reader();
    const cases: [unknown, number, string, RegExp][] = [
      [{ path: '/nulle-part/ici' }, 404, 'not_found', /n’est pas une page du magazine/],
      [{ path: '/redaction' }, 404, 'not_found', /n’est pas une page du magazine/],
      [{ path: '/articles/n-existe-pas' }, 404, 'not_found', /n’est pas une page du magazine/],
      ['{"path":', 400, 'invalid_json', /JSON valide/],
      [{ path: 'articles/sans-barre' }, 422, 'validation_failed', /doit être un chemin/],
      [{ path: PIECE, kind: 'clic' }, 422, 'validation_failed', /« view » ou « read »/],
      [{ path: PIECE, extra: 1 }, 422, 'validation_failed', /extra/],
      [{ path: PIECE, referrer: `https://exemple.fr/${'a'.repeat(10_000)}` }, 413, 'payload_too_large', /2 Ko au plus/],
    ];
    for (const [body, status, code, message] of cases) {
      const answer = await reader.beacon(body);
      expect({ status: answer.status, code: (answer.body.error as { code: string }).code }).toEqual({ status, code });
      expect((answer.body.error as { message: string }).message).toMatch(message);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    const foreign = await reader.beacon({ path: PIECE }, { 'sec-fetch-site': 'cross-site' });
    expect(foreign.status).toBe(403);
    const read = await reader.visitor.send('GET', '/api/views');
    expect(read.status).toBe(405);
    expect(read.headers.get('allow')).toBe('POST, OPTIONS');
    await settle();
    expect(await reader.visits()).toEqual([]);
    expect(await query(`SELECT 1 FROM audience_visits WHERE path IN ('/nulle-part/ici', '/redaction', '/articles/n-existe-pas', 'articles/sans-barre')`)).toEqual([]);
  });

  it('limits a flood from one address in memory: past 120 a minute, 429 and nothing more counted', async () => {
    const flood = new Reader();
    const statuses: number[] = [];
    for (let index = 0; index < 125; index += 1) statuses.push((await flood.beacon({ path: PIECE })).status);
    expect(statuses.slice(0, 120).every((status) => status === 204)).toBe(true);
    expect(statuses.slice(120)).toEqual([429, 429, 429, 429, 429]);
    const refused = await flood.beacon({ path: PIECE });
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((refused.body.error as { message: string }).message).toMatch(/Trop de pages vues/);
    const rows = await until(() => flood.visits(), (found) => found[0]?.views === 120);
    expect(rows).toMatchObject([{ views: 120 }]);
  });
});
