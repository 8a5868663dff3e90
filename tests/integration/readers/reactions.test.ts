import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createComment } from '@/lib/readers/comments';
import { reactToComment } from '@/lib/readers/reactions';
import { baseUrl, pieceApi, query, signInAs, Visitor } from '../setup/helpers';

// « Utile »: one per reader and comment, counted by the database in the transaction of each change.

const POST = { mode: 'post', maxLinks: 2 } as const;
const writer = () => ({ readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` });

async function usefulOf(id: string): Promise<{ stored: number; counted: number }> {
  const [row] = await query<{ stored: number; counted: number }>(
    'SELECT c.useful AS stored, (SELECT count(*)::int FROM comment_reactions r WHERE r.comment_id = c.id) AS counted FROM comments c WHERE c.id = $1',
    [id],
  );
  return row ?? { stored: -1, counted: -1 };
}

/** The piece's figure of « Utile » against a recount of its published comments' reactions. */
async function pieceUseful(key: string): Promise<{ stored: number; counted: number }> {
  const [row] = await query<{ stored: number; counted: number }>(
    `SELECT COALESCE((SELECT useful FROM piece_figures WHERE piece_key = $1), 0) AS stored,
            (SELECT count(*)::int FROM comment_reactions r JOIN comments c ON c.id = r.comment_id WHERE c.piece_key = $1 AND c.status = 'published') AS counted`,
    [key],
  );
  return row ?? { stored: -1, counted: -1 };
}

describe('« Utile » through the API', () => {
  const key = 'articles/archive-05';

  it('counts 100 readers at once, then 99 when one withdraws; a second « Utile » of the same reader changes nothing', async () => {
    const { id } = await createComment(key, { author: 'Auteur', body: 'Un conseil que cent lecteurs trouveront utile.' }, writer(), { moderation: POST });
    const readers = Array.from({ length: 100 }, () => new Visitor());
    const answers = await Promise.all(readers.map((reader) => reader.put(`/api/comments/${id}/reaction`, undefined)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(200));
    expect(await usefulOf(id)).toEqual({ stored: 100, counted: 100 });
    const [first] = readers;
    if (!first) throw new Error('no reader');
    expect((await first.put(`/api/comments/${id}/reaction`, undefined)).body).toEqual({ useful: 100, reacted: true });
    expect((await first.delete(`/api/comments/${id}/reaction`)).body).toEqual({ useful: 99, reacted: false });
    expect(await usefulOf(id)).toEqual({ stored: 99, counted: 99 });
    expect(await pieceUseful(key)).toMatchObject({ stored: (await pieceUseful(key)).counted });
    const listed = (await new Visitor().get(pieceApi(key).comments)).body.comments as { id: string; useful: number }[];
    expect(listed.find((comment) => comment.id === id)).toMatchObject({ useful: 99 });
    // The reader's own page state says which comments they found useful.
    const me = await readers[1]?.get(`/api/pieces/${key}/me`);
    expect(me?.body.reacted).toContain(id);
  });

  it('refuses « Utile » on one’s own comment (same browser, or same account), and on a comment that is not published', async () => {
    const author = new Visitor();
    await signInAs(author, `auteur-${randomUUID()}@exemple.fr`, 'reader', 'Auteure');
    const answer = await author.post(pieceApi(key).comments, { author: 'Auteure', body: 'Mon propre commentaire.' });
    const id = (answer.body.comment as { id: string }).id;
    const own = await author.put(`/api/comments/${id}/reaction`, undefined);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ error: { code: 'own_comment', message: 'Vous ne pouvez pas marquer votre propre commentaire comme utile.' } });
    const pending = await new Visitor().post(pieceApi(key).comments, { author: 'Invité', body: 'En attente.' });
    const refused = await new Visitor().put(`/api/comments/${(pending.body.comment as { id: string }).id}/reaction`, undefined);
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ error: { code: 'comment_not_found' } });
    expect((await new Visitor().put(`/api/comments/${randomUUID()}/reaction`, undefined)).status).toBe(404);
    expect((await new Visitor().put('/api/comments/pas-un-id/reaction', undefined)).status).toBe(404);
    expect(await usefulOf(id)).toEqual({ stored: 0, counted: 0 });
  });

  it('refuses « Utile » from another origin', async () => {
    const { id } = await createComment(key, { author: 'Auteur', body: 'Un commentaire.' }, writer(), { moderation: POST });
    const answer = await new Visitor().send('PUT', `/api/comments/${id}/reaction`, undefined, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: 'forbidden_origin' } });
  });

  it('toggles with the form sent without JavaScript, back to the comment', async () => {
    const { id } = await createComment(key, { author: 'Auteur', body: 'Utile sans JavaScript.' }, writer(), { moderation: POST });
    const reader = new Visitor();
    const form = (fields: Record<string, string>) =>
      reader.send('POST', `/${key}/utile`, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    const given = await form({ commentaire: id });
    expect(given.status).toBe(303);
    expect(given.headers.get('location')).toBe(`/${key}#commentaire-${id}`);
    expect(await usefulOf(id)).toEqual({ stored: 1, counted: 1 });
    await form({ commentaire: id });
    expect(await usefulOf(id)).toEqual({ stored: 0, counted: 0 });
    const bad = await form({ commentaire: 'nimporte-quoi' });
    expect(bad.headers.get('location')).toBe(`/${key}#utile-comment_not_found`);
    // The form of another piece names no comment of its own: refused, nothing written.
    const elsewhere = await reader.send('POST', '/articles/archive-06/utile', new URLSearchParams({ commentaire: id }).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(elsewhere.headers.get('location')).toBe('/articles/archive-06#utile-comment_not_found');
    expect(await usefulOf(id)).toEqual({ stored: 0, counted: 0 });
    // The page holds that notice, shown by its fragment.
    const html = await (await fetch(`${baseUrl}/${key}`)).text();
    expect(html).toContain('id="utile-comment_not_found"');
  });
});

describe('the counts of « Utile » under any sequence of reactions and moderation', () => {
  it('keeps each comment’s count and its piece’s figure equal to a recount', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant('react' as const), reader: fc.nat(5), comment: fc.nat(2), on: fc.boolean() }),
            fc.record({ kind: fc.constant('moderate' as const), comment: fc.nat(2), status: fc.constantFrom('published', 'rejected', 'deleted', 'spam') }),
          ),
          { minLength: 1, maxLength: 25 },
        ),
        async (steps) => {
          const key = `articles/propriete-utile-${randomUUID()}`;
          const readers = Array.from({ length: 6 }, writer);
          const ids: string[] = [];
          for (const n of [0, 1, 2]) ids.push((await createComment(key, { author: `Auteur ${n}`, body: `Commentaire ${n}.` }, writer(), { moderation: POST })).id);
          for (const step of steps) {
            const id = ids[step.comment] ?? '';
            if (step.kind === 'react') {
              const reader = readers[step.reader] ?? writer();
              await reactToComment(id, reader, step.on).catch((error: unknown) => {
                // A comment that is not published takes no « Utile »: refused, nothing stored.
                if (!(error instanceof Error && 'code' in error && error.code === 'comment_not_found')) throw error;
              });
            } else {
              await query('UPDATE comments SET status = $2::"CommentStatus" WHERE id = $1', [id, step.status]);
            }
          }
          for (const id of ids) {
            const { stored, counted } = await usefulOf(id);
            expect(stored).toBe(counted);
          }
          const figure = await pieceUseful(key);
          expect(figure.stored).toBe(figure.counted);
        },
      ),
      { numRuns: 20 },
    );
  });
});
