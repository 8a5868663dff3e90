import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EDITOR_EMAIL } from '../setup/global-db';
import { query, signInAs, Visitor } from '../setup/helpers';

// The audience's days, on a controlled clock: the services of this process count beacons dated
// in 2030 (the test server, on the real clock, never closes those days), then the desk's figures
// of a scripted week, read by the services and by the desk's pages of the test server.

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const PIECE = '/articles/choisir-un-seul-reseau-pour-commencer';
const ADDRESS = '203.0.113.28';
const at = (iso: string) => Date.parse(iso);

let beacons: typeof import('@/lib/audience/beacons');
let figures: typeof import('@/lib/audience/figures');
let days: typeof import('@/lib/audience/days');

beforeAll(async () => {
  beacons = await import('@/lib/audience/beacons');
  figures = await import('@/lib/audience/figures');
  days = await import('@/lib/audience/days');
});

const beacon = (now: number, body: object = { path: PIECE, referrer: '' }) => {
  const headers: Record<string, string> = { 'user-agent': CHROME, 'sec-fetch-site': 'same-origin' };
  return beacons.receiveBeacon({ body: JSON.stringify(body), address: ADDRESS, header: (name) => headers[name], now });
};
const hashWith = (salt: Buffer) => createHmac('sha256', salt).update(ADDRESS).update('\0').update(CHROME).digest().subarray(0, 16);
const saltOf = async (day: string) => (await query<{ salt: Buffer }>('SELECT salt FROM audience_salts WHERE day = $1', [day]))[0]?.salt ?? null;
const visitsOn = (day: string) => query<{ visitor: Buffer; views: number; reads: number }>('SELECT visitor, views, reads FROM audience_visits WHERE day = $1 AND path = $2', [day, PIECE]);
const totals = (day: string, grain: number, path = '') =>
  query<{ views: number; visitors: number; reads: number }>('SELECT views, visitors, reads FROM audience_days WHERE day = $1 AND grain = $2 AND path = $3 AND source = $4', [day, grain, path, grain === 1 ? 'direct' : '']);

describe('a day of audience', () => {
  it('counts a visitor once a day under the day’s salt; the next day, a new visitor, and yesterday’s salt and hashes gone', async () => {
    // 23:30 in Paris on 1 January is still that day (22:30 UTC).
    expect(await beacon(at('2030-01-01T08:00:00Z'))).toBe(true);
    expect(await beacon(at('2030-01-01T22:30:00Z'))).toBe(true);
    expect(await beacon(at('2030-01-01T22:31:00Z'), { kind: 'read', path: PIECE, referrer: '' })).toBe(true);
    await beacons.flushAudience();
    const salt = await saltOf('2030-01-01');
    expect(salt).toHaveLength(32);
    expect(await visitsOn('2030-01-01')).toEqual([{ visitor: hashWith(salt as Buffer), views: 2, reads: 1 }]);

    // 00:30 in Paris on 2 January: a new day, a new salt; the 1st is counted and forgotten.
    expect(await beacon(at('2030-01-01T23:30:00Z'))).toBe(true);
    await beacons.flushAudience();
    expect(await beacons.closeAudienceDays(at('2030-01-02T11:00:00Z'))).toMatchObject({ closed: expect.any(Number) });
    expect(await saltOf('2030-01-01')).toBeNull();
    expect(await visitsOn('2030-01-01')).toEqual([]);
    expect(await totals('2030-01-01', 3, PIECE)).toEqual([{ views: 2, visitors: 1, reads: 1 }]);
    expect(await totals('2030-01-01', 1, PIECE)).toEqual([{ views: 2, visitors: 1, reads: 1 }]);
    const next = await saltOf('2030-01-02');
    expect(next).not.toBeNull();
    expect(next?.equals(salt as Buffer)).toBe(false);
    const [today] = await visitsOn('2030-01-02');
    expect(today?.visitor).toEqual(hashWith(next as Buffer));
    expect(today?.visitor.equals(hashWith(salt as Buffer))).toBe(false);
    // Closed once a day per instance: again the same day does nothing.
    expect(await beacons.closeAudienceDays(at('2030-01-02T12:00:00Z'))).toBeNull();
  });

  it('purges each night the totals older than AUDIENCE_KEEP_MONTHS (13 by default)', async () => {
    const old = days.monthsBefore('2030-01-03', 14);
    const kept = days.monthsBefore('2030-01-03', 12);
    for (const day of [old, kept]) {
      await query(`INSERT INTO audience_days (day, grain, path, source, campaign, views, visitors, reads) VALUES ($1, 3, $2, '', '', 5, 4, 1)`, [day, PIECE]);
    }
    expect(await beacons.closeAudienceDays(at('2030-01-03T12:00:00Z'))).toMatchObject({ purged: expect.any(Number) });
    expect(await totals(old, 3, PIECE)).toEqual([]);
    expect(await totals(kept, 3, PIECE)).toEqual([{ views: 5, visitors: 4, reads: 1 }]);
  });

  it('refuses a retention past 25 months, in French', async () => {
    vi.stubEnv('AUDIENCE_KEEP_MONTHS', '26');
    vi.resetModules();
    await expect(import('@/lib/env')).rejects.toThrow(/AUDIENCE_KEEP_MONTHS : 25 mois au plus/);
    vi.unstubAllEnvs();
    vi.resetModules();
  });
});

// A scripted week for one piece: 7 days of totals, as audience_close leaves them.
const WEEK = [12, 0, 7, 30, 5, 18, 9];
async function scriptWeek(path: string, lastDay: string) {
  const rows = WEEK.map((views, index) => ({ day: days.addDays(lastDay, index - 6), views, visitors: Math.ceil(views / 2), reads: Math.floor(views / 3) }));
  for (const row of rows) {
    for (const [grain, source] of [[0, 'linkedin'], [1, 'linkedin'], [3, '']] as const) {
      await query(
        `INSERT INTO audience_days (day, grain, path, source, campaign, views, visitors, reads) VALUES ($1, $2, $3, $4, '', $5, $6, $7)
         ON CONFLICT (day, grain, path, source, campaign) DO UPDATE SET views = EXCLUDED.views, visitors = EXCLUDED.visitors, reads = EXCLUDED.reads`,
        [row.day, grain, path, source, row.views, row.visitors, row.reads],
      );
    }
  }
  return rows;
}

describe('the desk’s figures of a scripted week', () => {
  const path = '/articles/deleguer-l-animation-de-ses-reseaux';
  afterAll(async () => {
    await query('DELETE FROM audience_days WHERE path = $1', [path]);
  });

  it('gives the week’s points and the piece’s sources, on the controlled clock', async () => {
    const week = await scriptWeek(path, '2030-02-10');
    const audience = await figures.pageAudience(path, '7j', at('2030-02-10T12:00:00Z'));
    expect(audience.points.map((point) => [point.start, point.views, point.visitors, point.reads])).toEqual(week.map((row) => [row.day, row.views, row.visitors, row.reads]));
    expect(audience.total).toEqual({ views: 81, visitors: 42, reads: 26 });
    expect(audience.sources).toMatchObject([{ source: 'linkedin', label: 'LinkedIn', views: 81 }]);
  });

  it('shows them on the desk’s pages of the test server: the chart’s points, the totals, the table, the CSV', async () => {
    const today = days.parisDay(Date.now());
    const week = await scriptWeek(path, days.addDays(today, -1));
    const editor = new Visitor();
    await signInAs(editor, EDITOR_EMAIL, 'editor');
    const page = await fetch(`${editor.site}/redaction/audience${path}?periode=7j`, { headers: { cookie: `next-auth.session-token=${editor.cookies.get('next-auth.session-token')}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const points = [...html.matchAll(/data-point="([\d-]+)" data-vues="(\d+)" data-visiteurs="(\d+)" data-lus="(\d+)"/g)].map((match) => [match[1], Number(match[2]), Number(match[3]), Number(match[4])]);
    // The chart's 7 days end today: the scripted week's last 6 days, then today (nothing yet).
    expect(points).toEqual([...week.slice(1).map((row) => [row.day, row.views, row.visitors, row.reads]), [today, 0, 0, 0]]);
    expect(html).toContain('Déléguer l’animation de ses réseaux sans perdre sa voix</h1>');
    expect(html).toMatch(/data-total="Vues">69</);
    expect(html).toMatch(/data-source="linkedin"/);

    const csv = await fetch(`${editor.site}/redaction/audience/audience.csv?periode=7j`, { headers: { cookie: `next-auth.session-token=${editor.cookies.get('next-auth.session-token')}` } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await csv.text()).split('\r\n').filter((line) => line.includes(path)).map((line) => line.split(';'));
    expect(rows.map((cells) => [cells[0], Number(cells[5])])).toEqual(week.slice(1).map((row) => [row.day, row.views]));
    // As French Excel opens it: a BOM, then semicolons.
    const bytes = Buffer.from(await (await fetch(`${editor.site}/redaction/audience/audience.csv?periode=7j`, { headers: { cookie: `next-auth.session-token=${editor.cookies.get('next-auth.session-token')}` } })).arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8', 3).split('\r\n')[0]).toBe('jour;page;titre;source;campagne;vues;visiteurs;lus jusqu’au bout');

    // A letter's send and the readers it brought: 8 e-mails sent, 4 visitors.
    const [send] = await query<{ id: string }>(
      "INSERT INTO newsletter_sends (kind, piece_key, piece_keys, recipients, sent) VALUES ('piece', $1::text, ARRAY[$1::text], 8, 8) RETURNING id::text AS id",
      [`articles/audience-${Date.now()}`],
    );
    await query("INSERT INTO audience_days (day, grain, path, source, campaign, views, visitors, reads) VALUES ($1, 4, '', 'lettre', $2, 5, 4, 2)", [days.addDays(today, -1), send?.id]);

    // The whole site's page: the piece's row in « Ce qui marche », beside its ratings and comments.
    const overview = await (await fetch(`${editor.site}/redaction/audience?periode=7j&tri=vues`, { headers: { cookie: `next-auth.session-token=${editor.cookies.get('next-auth.session-token')}` } })).text();
    expect(overview).toMatch(new RegExp(`data-contenu="${path}"><th scope="row" class="py-2 font-normal"><a [^>]*href="/redaction/audience${path}\\?periode=7j"[^>]*>Déléguer l’animation de ses réseaux sans perdre sa voix</a></th><td>69</td><td>36</td><td>22 \\(32 %\\)</td>`));
    expect(overview).toMatch(new RegExp(`data-envoi="${send?.id}"><th scope="row" class="py-2 font-normal">Parution du [^<]+ \\(1 contenu\\)</th><td>8</td><td>5</td><td>4</td><td>50 %</td>`));
    await query('DELETE FROM audience_days WHERE campaign = $1', [send?.id]);
    await query('DELETE FROM newsletter_sends WHERE id = $1::uuid', [send?.id]);
    const anonymous = await fetch(`${editor.site}/redaction/audience/audience.csv`);
    expect(anonymous.status).toBe(401);
  });
});
