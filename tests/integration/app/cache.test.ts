import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/fixtures/stack';

// Serving a piece, its rating and its comments in steady state must not touch the database:
// counted by PostgreSQL itself (pg_stat_statements) while the production build answers.
let stack: Stack;
let client: pg.Client;
const PIECE = '/interviews/valerie-march-place-des-reseaux';
const API = '/api/pieces/interviews/valerie-march-place-des-reseaux';

async function readerQueries(): Promise<number> {
  const { rows } = await client.query<{ calls: string | null }>(
    `SELECT sum(calls) AS calls FROM pg_stat_statements
     WHERE query ~* '(ratings|comments|comment_reactions|piece_settings|rate_limits)' AND query !~* 'pg_stat_statements'`,
  );
  return Number(rows[0]?.calls ?? 0);
}

async function get(path: string, init?: RequestInit): Promise<number> {
  const response = await fetch(`${stack.baseUrl}${path}`, init);
  await response.arrayBuffer();
  return response.status;
}

beforeAll(async () => {
  stack = await startStack({}, { countStatements: true });
  client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
});

afterAll(async () => {
  await client.end();
  await stack.stop();
});

describe('steady state', () => {
  it('serves the piece, its rating and its comments 50 times each without a query, and reads again after a write', async () => {
    const write = await fetch(`${stack.baseUrl}${API}/rating`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: stack.baseUrl },
      body: '{"value":4}',
    });
    expect(write.status).toBe(200);
    // The first requests after the write fill the caches.
    for (const path of [PIECE, `${API}/rating`, `${API}/comments`, `${API}/comments?sort=useful`, `${PIECE}/commentaires?tri=recents`, '/', '/les-plus-apprecies', '/api/rankings']) {
      expect(await get(path)).toBe(200);
    }
    await client.query('SELECT pg_stat_statements_reset()');

    for (let i = 0; i < 50; i++) {
      expect(await get(PIECE)).toBe(200);
      expect(await get(`${API}/rating`)).toBe(200);
      expect(await get(`${API}/comments`)).toBe(200);
      // The other orders of the comments, in the API and on the comments pages, are cached too.
      expect(await get(`${API}/comments?sort=useful`)).toBe(200);
      expect(await get(`${PIECE}/commentaires?tri=recents`)).toBe(200);
      // The rankings, on their page, in the API and on the home page, are cached the same way.
      expect(await get('/les-plus-apprecies')).toBe(200);
      expect(await get('/api/rankings')).toBe(200);
    }
    expect(await get('/')).toBe(200);
    expect(await readerQueries()).toBe(0);

    const page = await (await fetch(`${stack.baseUrl}${PIECE}`)).text();
    expect(page).toContain('4/5');
    const ranking = await (await fetch(`${stack.baseUrl}/api/rankings`)).json();
    expect(ranking.mostLiked).toEqual([expect.objectContaining({ key: 'interviews/valerie-march-place-des-reseaux', average: 4, ratings: 1 })]);

    // A new rating revalidates the piece: its next request reads the database again.
    await fetch(`${stack.baseUrl}${API}/rating`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: stack.baseUrl }, body: '{"value":2}' });
    await client.query('SELECT pg_stat_statements_reset()');
    const fresh = await (await fetch(`${stack.baseUrl}${PIECE}`)).text();
    expect(fresh).toContain('3/5');
    expect(await readerQueries()).toBeGreaterThan(0);
    // And the rankings too (a second reader: the request sent no cookie).
    expect((await (await fetch(`${stack.baseUrl}/api/rankings`)).json()).mostLiked).toEqual([expect.objectContaining({ average: 3, ratings: 2 })]);
  });

  it('writes a rating, a withdrawal and a comment in one statement each, the limits and checks included', async () => {
    // Top-level statements only (pg_stat_statements counts those the functions run inside, too).
    const statements = async () => {
      const { rows } = await client.query<{ query: string; calls: string }>(
        `SELECT query, calls FROM pg_stat_statements
         WHERE toplevel AND query ~* '(ratings|comments|comment_reactions|react_to_comment|piece_settings|rate_limits|rate_piece|post_comment|bans|piece_figures)' AND query !~* 'pg_stat_statements'`,
      );
      return rows.map((row) => ({ query: row.query.replace(/\s+/g, ' '), calls: Number(row.calls) }));
    };
    const send = (method: string, path: string, body?: string) =>
      fetch(`${stack.baseUrl}${API}/${path}`, { method, headers: { 'content-type': 'application/json', origin: stack.baseUrl, cookie: 'pdr_reader=lecteur-une-instructio' }, body });

    await client.query('SELECT pg_stat_statements_reset()');
    const rated = await send('PUT', 'rating', '{"value":5}');
    expect(rated.status).toBe(200);
    expect(await statements()).toEqual([{ query: expect.stringContaining('rate_piece') as unknown, calls: 1 }]);

    await client.query('SELECT pg_stat_statements_reset()');
    expect((await send('DELETE', 'rating')).status).toBe(200);
    expect(await statements()).toEqual([{ query: expect.stringContaining('rate_piece') as unknown, calls: 1 }]);

    await client.query('SELECT pg_stat_statements_reset()');
    const commented = await send('POST', 'comments', JSON.stringify({ author: 'Une instruction', body: 'Un commentaire écrit en un seul aller-retour.' }));
    expect(commented.status).toBe(201);
    expect(await statements()).toEqual([{ query: expect.stringContaining('post_comment') as unknown, calls: 1 }]);

    // « Utile » on another reader's comment: one statement too, the checks and the counts included.
    const id = ((await commented.json()) as { comment: { id: string; status: string } }).comment.id;
    // The guest's comment waits for moderation: the editors' digest reads the queue in the
    // background, in a transaction that claims its slot in notification_state: once the slot shows,
    // it has read what it reads.
    await expect.poll(async () => (await client.query("SELECT 1 FROM notification_state WHERE key = 'editors'")).rowCount, { timeout: 10_000 }).toBe(1);
    await client.query("UPDATE comments SET status = 'published' WHERE id = $1", [id]);
    await client.query('SELECT pg_stat_statements_reset()');
    const reacted = await fetch(`${stack.baseUrl}/api/comments/${id}/reaction`, { method: 'PUT', headers: { origin: stack.baseUrl, cookie: 'pdr_reader=une-autre-lectrice-utile' } });
    expect(reacted.status).toBe(200);
    expect(await statements()).toEqual([{ query: expect.stringContaining('react_to_comment') as unknown, calls: 1 }]);
  });

  it('writes 100 audience beacons in one or two statements, not 100: a beacon is not an INSERT', async () => {
    await client.query('SELECT pg_stat_statements_reset()');
    const beacon = () =>
      fetch(`${stack.baseUrl}/api/views`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8', 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36' },
        body: JSON.stringify({ path: PIECE, referrer: 'https://www.linkedin.com/' }),
      });
    for (let i = 0; i < 100; i++) expect((await beacon()).status).toBe(204);
    // The instance writes every AUDIENCE_FLUSH_SECONDS (5 s by default).
    await expect
      .poll(async () => (await client.query<{ views: string | null }>("SELECT sum(views) AS views FROM audience_visits WHERE path = $1 AND source = 'linkedin'", [PIECE])).rows[0]?.views, { timeout: 15_000 })
      .toBe('100');
    const { rows } = await client.query<{ calls: string }>("SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements WHERE toplevel AND query ~* 'audience_record'");
    expect(Number(rows[0]?.calls)).toBeGreaterThanOrEqual(1);
    expect(Number(rows[0]?.calls)).toBeLessThanOrEqual(2);
    // And the page still asks nothing of the database (once refilled after the writes above).
    expect(await get(PIECE)).toBe(200);
    await client.query('SELECT pg_stat_statements_reset()');
    for (let i = 0; i < 20; i++) expect(await get(PIECE)).toBe(200);
    const all = await client.query<{ calls: string }>("SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements WHERE toplevel AND query !~* 'pg_stat_statements|audience_'");
    expect(Number(all.rows[0]?.calls)).toBe(0);
  });
});
