import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { approveComment, createComment, editComment, listPublishedComments, pendingCommentsOf } from '@/lib/readers/comments';
import type { OwnComment } from '@/lib/readers/comment-schemas';
import { pieceApi, query, randomAddress, Visitor } from '../setup/helpers';

const PRE = { mode: 'pre', maxLinks: 2 } as const;
const POST = { mode: 'post', maxLinks: 2 } as const;
const writer = () => ({ readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` });

describe('writing comments through the API (pre-moderation, the default)', () => {
  const api = pieceApi('articles/archive-07');

  it('holds a guest’s first comment, hides it from others, publishes their next one once one is approved', async () => {
    const guest = new Visitor();
    const first = await guest.post(api.comments, { author: 'Camille', email: 'camille@example.org', body: 'Premier commentaire, merci pour cet article.' });
    expect(first.status).toBe(201);
    const comment = first.body.comment as OwnComment;
    expect(comment).toMatchObject({ author: 'Camille', status: 'pending', parentId: null, editedAt: null });
    expect(JSON.stringify(first.body)).not.toContain('camille@example.org');
    expect(first.headers.get('set-cookie')).toMatch(/^pdr_reader=/);

    expect((await new Visitor().get(api.comments)).body).toEqual({ count: 0, sort: 'oldest', comments: [], nextCursor: null, open: true });

    await approveComment(comment.id);
    const second = await guest.post(api.comments, { author: 'Camille', body: 'Et un second, publié tout de suite.' });
    expect(second.body.comment).toMatchObject({ status: 'published' });
    const listed = await new Visitor().get(api.comments);
    expect(listed.body.count).toBe(2);
    expect(JSON.stringify(listed.body)).not.toContain('camille@example.org');
    expect(listed.body.comments).toEqual([
      expect.objectContaining({ id: comment.id, author: 'Camille', deleted: false, replies: [] }),
      expect.objectContaining({ body: 'Et un second, publié tout de suite.' }),
    ]);
  });

  it('holds a comment with more than two links, even from an approved guest', async () => {
    const { status, body } = await new Visitor().post(api.comments, {
      author: 'Robot',
      body: 'Voir https://a.example, https://b.example et www.c.example',
    });
    expect(status).toBe(201);
    expect(body.comment).toMatchObject({ status: 'pending' });
  });

  it('stores a comment whose honeypot is filled as spam, answering as usual, and never shows it', async () => {
    const answer = await new Visitor().post(api.comments, { author: 'Bot', body: 'Achetez maintenant !', website: 'https://spam.example' });
    expect(answer.status).toBe(201);
    expect(answer.body.comment).toMatchObject({ status: 'pending' });
    const rows = await query<{ status: string }>("SELECT status FROM comments WHERE body = 'Achetez maintenant !'");
    expect(rows).toEqual([{ status: 'spam' }]);
  });

  it('keeps a comment as plain text: markup is stored and returned as typed', async () => {
    const payload = '<script>alert(1)</script> <img src=x onerror=alert(2)>';
    const { body } = await new Visitor().post(api.comments, { author: '<b>Nom</b>', body: payload });
    expect(body.comment).toMatchObject({ author: '<b>Nom</b>', body: payload });
  });

  it('refuses a reply to a comment that is not published, or does not exist', async () => {
    const pending = await new Visitor().post(api.comments, { author: 'A', body: 'En attente.' });
    const id = (pending.body.comment as OwnComment).id;
    for (const parentId of [id, randomUUID()]) {
      const answer = await new Visitor().post(api.comments, { author: 'B', body: 'Réponse.', parentId });
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'comment_not_found' } });
    }
  });
});

describe('replies and pages of comments', () => {
  it('puts a reply under its comment, and a reply to a reply under the same top comment', async () => {
    const key = 'articles/archive-08';
    const top = await createComment(key, { author: 'Alice', body: 'Question ?' }, writer(), { moderation: POST });
    const author = new Visitor();
    const reply = await author.post(pieceApi(key).comments, { author: 'Bob', body: 'Réponse.', parentId: top.id });
    await approveComment((reply.body.comment as OwnComment).id);
    const nested = await createComment(key, { author: 'Chloé', body: 'Réponse à Bob.', parentId: (reply.body.comment as OwnComment).id }, writer(), { moderation: POST });
    expect(nested.parentId).toBe(top.id);
    const { body } = await new Visitor().get(pieceApi(key).comments);
    expect(body.count).toBe(3);
    expect(body.comments).toEqual([
      expect.objectContaining({
        id: top.id,
        replies: [expect.objectContaining({ author: 'Bob' }), expect.objectContaining({ author: 'Chloé', body: 'Réponse à Bob.' })],
      }),
    ]);
  });

  it('pages 10 top comments at a time, oldest first, each with all its replies', async () => {
    const key = 'articles/archive-09';
    const start = Date.parse('2026-11-20T10:00:00Z');
    const tops: OwnComment[] = [];
    for (let i = 0; i < 25; i++) {
      tops.push(await createComment(key, { author: `Lecteur ${i}`, body: `Commentaire numéro ${i}` }, writer(), { moderation: POST, now: new Date(start + i * 60_000) }));
    }
    for (let i = 0; i < 3; i++) {
      await createComment(key, { author: 'Réponse', body: `Réponse ${i}`, parentId: tops[9]?.id }, writer(), { moderation: POST });
    }
    const first = await new Visitor().get(pieceApi(key).comments);
    const comments = first.body.comments as { author: string; replies: unknown[] }[];
    expect(first.body.count).toBe(28);
    expect(comments.map((comment) => comment.author)).toEqual(Array.from({ length: 10 }, (_, i) => `Lecteur ${i}`));
    expect(comments[9]?.replies).toHaveLength(3);
    expect(typeof first.body.nextCursor).toBe('string');
    const second = await new Visitor().get(`${pieceApi(key).comments}?cursor=${encodeURIComponent(String(first.body.nextCursor))}`);
    expect((second.body.comments as { author: string }[]).map((comment) => comment.author)).toEqual(Array.from({ length: 10 }, (_, i) => `Lecteur ${i + 10}`));
    const third = await new Visitor().get(`${pieceApi(key).comments}?cursor=${encodeURIComponent(String(second.body.nextCursor))}`);
    expect((third.body.comments as { author: string }[]).map((comment) => comment.author)).toEqual(['Lecteur 20', 'Lecteur 21', 'Lecteur 22', 'Lecteur 23', 'Lecteur 24']);
    expect(third.body.nextCursor).toBeNull();
    const bad = await new Visitor().get(`${pieceApi(key).comments}?cursor=n-importe-quoi`);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: 'invalid_cursor' } });
  });

  it('publishes at once under post-moderation, but still holds many links', async () => {
    const key = `test/${randomUUID()}`;
    expect((await createComment(key, { author: 'A', body: 'Bonjour.' }, writer(), { moderation: POST })).status).toBe('published');
    expect((await createComment(key, { author: 'B', body: 'http://a.fr http://b.fr http://c.fr' }, writer(), { moderation: POST })).status).toBe('pending');
    expect((await createComment(key, { author: 'C', body: 'Bonjour.' }, writer(), { moderation: PRE })).status).toBe('pending');
  });

  it('lets a reader see their own pending comments, and nobody else’s', async () => {
    const key = `test/${randomUUID()}`;
    const mine = writer();
    await createComment(key, { author: 'Moi', body: 'En attente.' }, mine, { moderation: PRE });
    await createComment(key, { author: 'Autre', body: 'Aussi en attente.' }, writer(), { moderation: PRE });
    expect((await pendingCommentsOf(key, mine.readerKey)).map((comment) => comment.author)).toEqual(['Moi']);
    expect((await listPublishedComments(key)).comments).toEqual([]);
  });
});

describe('editing and deleting one’s comment', () => {
  const key = 'articles/archive-10';
  const api = pieceApi(key);

  async function published(author: Visitor, body: string): Promise<OwnComment> {
    const answer = await author.post(api.comments, { author: 'Auteur', body });
    const comment = answer.body.comment as OwnComment;
    await approveComment(comment.id);
    return comment;
  }

  it('lets the author edit and delete within 15 minutes, and nobody else', async () => {
    const author = new Visitor();
    const comment = await published(author, 'Texte initial.');
    const stranger = new Visitor();
    await stranger.put(api.rating, { value: 3 }); // the stranger has a cookie of their own
    for (const visitor of [stranger, new Visitor()]) {
      expect((await visitor.patch(`/api/comments/${comment.id}`, { body: 'Piraté.' })).status).toBe(403);
      expect((await visitor.delete(`/api/comments/${comment.id}`)).body).toMatchObject({ error: { code: 'not_author' } });
    }
    const edited = await author.patch(`/api/comments/${comment.id}`, { body: 'Texte corrigé.' });
    expect(edited.status).toBe(200);
    expect(edited.body.comment).toMatchObject({ body: 'Texte corrigé.', status: 'published', editedAt: expect.any(String) });
    const listed = await new Visitor().get(api.comments);
    expect(JSON.stringify(listed.body)).toContain('Texte corrigé.');
    expect(JSON.stringify(listed.body)).not.toContain('Piraté');

    expect((await author.delete(`/api/comments/${comment.id}`)).status).toBe(200);
    expect(JSON.stringify((await new Visitor().get(api.comments)).body)).not.toContain('Texte corrigé.');
    expect((await author.patch(`/api/comments/${comment.id}`, { body: 'Trop tard.' })).status).toBe(404);
  });

  it('refuses after 15 minutes', async () => {
    const author = new Visitor();
    const comment = await published(author, 'Écrit il y a longtemps.');
    await query("UPDATE comments SET created_at = now() - interval '16 minutes' WHERE id = $1", [comment.id]);
    const edit = await author.patch(`/api/comments/${comment.id}`, { body: 'Modifié.' });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ error: { code: 'edit_window_closed' } });
    expect((await author.delete(`/api/comments/${comment.id}`)).body).toMatchObject({ error: { code: 'edit_window_closed' } });
    expect(await query('SELECT body, status FROM comments WHERE id = $1', [comment.id])).toEqual([{ body: 'Écrit il y a longtemps.', status: 'published' }]);
  });

  it('applies the window on the service clock: 14 minutes yes, 16 minutes no', async () => {
    const start = new Date('2026-11-26T09:00:00Z');
    const me = writer();
    const comment = await createComment(`test/${randomUUID()}`, { author: 'A', body: 'Bonjour.' }, me, { moderation: POST, now: start });
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    await expect(editComment(comment.id, 'Bonjour !', me.readerKey, { moderation: POST, now: at(14) })).resolves.toMatchObject({ comment: { body: 'Bonjour !' } });
    await expect(editComment(comment.id, 'Trop tard', me.readerKey, { moderation: POST, now: at(16) })).rejects.toMatchObject({ code: 'edit_window_closed', status: 403 });
  });

  it('keeps a deleted comment as an empty placeholder while it has published replies', async () => {
    const author = new Visitor();
    const comment = await published(author, 'Sujet.');
    await createComment(key, { author: 'Réponse', body: 'Je réponds.', parentId: comment.id }, writer(), { moderation: POST });
    await author.delete(`/api/comments/${comment.id}`);
    const listed = (await new Visitor().get(api.comments)).body.comments as { id: string; deleted: boolean; body: string; author: string; replies: unknown[] }[];
    const placeholder = listed.find((entry) => entry.id === comment.id);
    expect(placeholder).toMatchObject({ deleted: true, body: '', author: '', replies: [expect.objectContaining({ body: 'Je réponds.' })] });
  });

  it('puts a comment edited to carry many links back in the queue', async () => {
    const author = new Visitor();
    const comment = await published(author, 'Sans lien.');
    const edited = await author.patch(`/api/comments/${comment.id}`, { body: 'https://a.fr https://b.fr https://c.fr' });
    expect(edited.body.comment).toMatchObject({ status: 'pending' });
  });
});

describe('reports', () => {
  it('records one report per reader and comment', async () => {
    const key = 'articles/archive-11';
    const comment = await createComment(key, { author: 'A', body: 'Contenu douteux.' }, writer(), { moderation: POST });
    const reporter = new Visitor();
    const report = await reporter.post(`/api/comments/${comment.id}/reports`, { reason: 'abuse', details: 'Propos blessants.' });
    expect(report.status).toBe(201);
    expect(report.body.report).toMatchObject({ reason: 'abuse', id: expect.any(String) });
    expect((await reporter.post(`/api/comments/${comment.id}/reports`, { reason: 'spam' })).body).toMatchObject({ error: { code: 'already_reported' } });
    expect((await new Visitor().post(`/api/comments/${comment.id}/reports`, { reason: 'spam' })).status).toBe(201);
    expect((await new Visitor().post(`/api/comments/${comment.id}/reports`, { reason: 'insulte' })).body).toMatchObject({ error: { code: 'validation_failed', field: 'reason' } });
    expect((await new Visitor().post(`/api/comments/${randomUUID()}/reports`, { reason: 'spam' })).status).toBe(404);
    const rows = await query<{ reason: string; resolved: boolean }>('SELECT reason, resolved FROM reports WHERE comment_id = $1 ORDER BY created_at', [comment.id]);
    expect(rows).toEqual([{ reason: 'abuse', resolved: false }, { reason: 'spam', resolved: false }]);
  });
});

describe('many readers at once', () => {
  it('stores exactly 200 comments sent at once by 200 readers', async () => {
    const key = 'interviews/valerie-march-place-des-reseaux';
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => new Visitor().post(pieceApi(key).comments, { author: `Lecteur ${i}`, body: `Message simultané ${i}` })),
    );
    expect(answers.map((answer) => answer.status).filter((status) => status !== 201)).toEqual([]);
    const [{ n } = { n: '0' }] = await query<{ n: string }>("SELECT count(*) AS n FROM comments WHERE piece_key = $1 AND body LIKE 'Message simultané %'", [key]);
    expect(Number(n)).toBe(200);
  });

  it('limits comments per reader and per address', async () => {
    const key = 'articles/archive-06';
    const reader = new Visitor();
    const byReader: number[] = [];
    for (let i = 0; i < 6; i++) byReader.push((await reader.send('POST', pieceApi(key).comments, { author: 'A', body: `Flot ${i}` }, { 'x-forwarded-for': randomAddress() })).status);
    expect(byReader).toEqual([201, 201, 201, 201, 201, 429]);
    const address = '198.19.1.1';
    const byAddress: number[] = [];
    for (let i = 0; i < 11; i++) byAddress.push((await new Visitor(address).post(pieceApi(key).comments, { author: 'B', body: `Adresse ${i}` })).status);
    expect(byAddress.slice(0, 10).every((status) => status === 201)).toBe(true);
    expect(byAddress[10]).toBe(429);
  });
});
