import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createComment } from '@/lib/readers/comments';
import { baseUrl, pieceApi, query, Visitor } from '../setup/helpers';

// « Les plus anciens », « Les plus récents », « Les plus utiles »: in the API and on the comments
// pages without JavaScript, page after page; replies stay under their comment.

const POST = { mode: 'post', maxLinks: 2 } as const;
const writer = () => ({ readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` });
type Listed = { id: string; body: string; useful: number; replies: { id: string }[] };

describe('sorting a piece’s comments', () => {
  const key = 'articles/archive-06';
  const marker = `tri-${randomUUID().slice(0, 8)}`;
  const ids: string[] = [];
  let reply = '';

  async function seed() {
    if (ids.length > 0) return;
    // Dated tomorrow: the newest of the piece, whatever other tests wrote under it.
    const base = Date.now() + 86_400_000;
    for (let n = 0; n < 13; n++) {
      const comment = await createComment(key, { author: `Lecteur ${n}`, body: `${marker} commentaire ${n}` }, writer(), { moderation: POST, now: new Date(base + n * 1000) });
      ids.push(comment.id);
    }
    // « Utile »: 3 on comment 2, 3 on comment 7 (older first among equals), 1 on comment 11.
    for (const [n, count] of [[2, 3], [7, 3], [11, 1]] as const) {
      for (let i = 0; i < count; i++) await query('INSERT INTO comment_reactions (comment_id, reader_key) VALUES ($1, $2)', [ids[n], `r:${randomUUID()}`]);
    }
    reply = (await createComment(key, { author: 'Réponse', body: `${marker} réponse`, parentId: ids[0] }, writer(), { moderation: POST, now: new Date(base + 20_000) })).id;
  }

  async function allPages(sort: string): Promise<Listed[]> {
    const seen: Listed[] = [];
    let cursor: string | null = null;
    do {
      const answer = await new Visitor().get(`${pieceApi(key).comments}?sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(answer.status).toBe(200);
      seen.push(...(answer.body.comments as Listed[]));
      cursor = answer.body.nextCursor as string | null;
    } while (cursor);
    return seen.filter((comment) => comment.body.startsWith(marker));
  }

  it('pages through each order in the API, keeping it from page to page', async () => {
    await seed();
    expect((await allPages('oldest')).map((comment) => comment.id)).toEqual(ids);
    expect((await allPages('newest')).map((comment) => comment.id)).toEqual([...ids].reverse());
    const useful = await allPages('useful');
    expect(useful.slice(0, 3).map((comment) => comment.id)).toEqual([ids[2], ids[7], ids[11]]);
    expect(useful.slice(0, 3).map((comment) => comment.useful)).toEqual([3, 3, 1]);
    expect(useful).toHaveLength(13);
    // Replies stay under their comment, whatever the order.
    expect((await allPages('newest')).find((comment) => comment.id === ids[0])?.replies.map((r) => r.id)).toEqual([reply]);
  });

  it('refuses an unknown order (422 naming it) and a cursor of another order (400)', async () => {
    const unknown = await new Visitor().get(`${pieceApi(key).comments}?sort=populaires`);
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ error: { code: 'validation_failed', field: 'sort', message: 'Tri inconnu : utilisez sort=oldest, newest ou useful.' } });
    const first = await new Visitor().get(`${pieceApi(key).comments}?sort=newest`);
    const cursor = first.body.nextCursor as string;
    const mixed = await new Visitor().get(`${pieceApi(key).comments}?sort=useful&cursor=${encodeURIComponent(cursor)}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({ error: { code: 'invalid_cursor' } });
  });

  it('keeps « Les plus récents » on page 2 of the comments pages, without JavaScript', async () => {
    await seed();
    const first = await (await fetch(`${baseUrl}/${key}/commentaires?tri=recents`)).text();
    expect(first).toContain('aria-current="page"');
    // The comments as the HTML shows them (React's payload repeats their text after it, in scripts).
    const order = (html: string) => [...html.slice(0, html.indexOf('self.__next_f')).matchAll(new RegExp(`${marker} commentaire (\\d+)`, 'g'))].map((match) => Number(match[1]));
    const next = /href="([^"]*commentaires\?tri=recents&amp;apres=[^"]+)"/.exec(first)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toBeDefined();
    const second = await (await fetch(`${baseUrl}${next}`)).text();
    expect(order(first)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(order(second)).toEqual([2, 1, 0]);
  });

  it('answers an unknown order of the comments pages with the 404 page', async () => {
    expect((await fetch(`${baseUrl}/${key}/commentaires?tri=populaires`)).status).toBe(404);
  });
});
