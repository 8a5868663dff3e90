import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOSED_PIECE } from '../../e2e/fixtures/compose-content.mjs';
import { EDITOR_EMAIL } from '../setup/global-db';
import { baseUrl, pieceApi, query, signInAs, Visitor } from '../setup/helpers';

// Closed comments: by the frontmatter, by an editor at once. A closed piece keeps its comments and
// its ratings; every way of writing a comment answers 403 comments_closed, and loses no text.

const CLOSED = 'Les commentaires sont fermés pour ce contenu.';

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader');
  return visitor;
}

async function pageOnceIt(path: string, holds: (html: string) => boolean): Promise<string> {
  const deadline = Date.now() + 5000;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await fetch(`${baseUrl}${path}`)).text();
    if (holds(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return html;
}

describe('comments closed by the frontmatter', () => {
  it('shows the comments closed in place of the form, refuses a comment with 403, and keeps ratings open', async () => {
    const html = await (await fetch(`${baseUrl}/${CLOSED_PIECE}`)).text();
    expect(html).toContain(CLOSED);
    expect(html).not.toContain('Laisser un commentaire</h3>');
    const refused = await new Visitor().post(pieceApi(CLOSED_PIECE).comments, { author: 'Invité', body: 'Trop tard ?' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'comments_closed', message: CLOSED } });
    expect((await new Visitor().get(pieceApi(CLOSED_PIECE).comments)).body).toMatchObject({ open: false });
    expect((await new Visitor().put(pieceApi(CLOSED_PIECE).rating, { value: 4 })).status).toBe(200);
    expect(await query('SELECT id FROM comments WHERE piece_key = $1', [CLOSED_PIECE])).toEqual([]);
  });
});

describe('comments closed and opened again by an editor', () => {
  const key = 'articles/archive-08';

  it('closes at once: the API, a reply, an edit and the form without JavaScript are refused; the page says so; reopening lets them in', async () => {
    const desk = await editor();
    const author = new Visitor();
    await signInAs(author, `ferme-${randomUUID()}@exemple.fr`, 'reader', 'Lectrice');
    const written = await author.post(pieceApi(key).comments, { author: 'Lectrice', body: 'Écrit avant la fermeture.' });
    const id = (written.body.comment as { id: string }).id;

    const closed = await desk.put(`/api/moderation/pieces/${key}`, { comments: 'closed' });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ piece: key, comments: 'closed' });

    const api = await author.post(pieceApi(key).comments, { author: 'Lectrice', body: 'Une de plus.' });
    expect(api.status).toBe(403);
    expect(api.body).toMatchObject({ error: { code: 'comments_closed' } });
    expect((await author.post(pieceApi(key).comments, { author: 'Lectrice', body: 'Une réponse.', parentId: id })).status).toBe(403);
    const edit = await author.patch(`/api/comments/${id}`, { body: 'Modifié après la fermeture.' });
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ error: { code: 'comments_closed' } });

    // Without JavaScript: a page that gives the reader their text back, so nothing is lost.
    const text = 'Mon long commentaire <b>écrit</b> pendant que la rédaction fermait la discussion.';
    const form = await fetch(`${baseUrl}/${key}/commenter`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, 'x-forwarded-for': '198.18.7.7' },
      body: new URLSearchParams({ author: 'Sans JS', body: text, startedAt: '' }).toString(),
      redirect: 'manual',
    });
    expect(form.status).toBe(403);
    expect(form.headers.get('content-type')).toContain('text/html');
    const page = await form.text();
    expect(page).toContain(CLOSED);
    expect(page).toContain('Mon long commentaire &#x3C;b>écrit&#x3C;/b> pendant que la rédaction fermait la discussion.');
    expect(await query("SELECT id FROM comments WHERE piece_key = $1 AND author_name = 'Sans JS'", [key])).toEqual([]);

    const html = await pageOnceIt(`/${key}`, (candidate) => candidate.includes(CLOSED));
    expect(html).toContain(CLOSED);
    expect(html).toContain('Écrit avant la fermeture.');
    expect(await query("SELECT action FROM moderation_events WHERE piece_key = $1 AND action = 'close_comments'", [key])).toHaveLength(1);

    expect((await desk.put(`/api/moderation/pieces/${key}`, { comments: 'open' })).status).toBe(200);
    expect((await author.post(pieceApi(key).comments, { author: 'Lectrice', body: 'Rouvert !' })).status).toBe(201);
    expect(await pageOnceIt(`/${key}`, (candidate) => !candidate.includes(CLOSED))).toContain('Laisser un commentaire');
  });

  it('refuses a bad request: 401, 403, 404 for an unknown piece, 422 naming the field', async () => {
    expect((await new Visitor().put(`/api/moderation/pieces/${key}`, { comments: 'closed' })).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    expect((await reader.put(`/api/moderation/pieces/${key}`, { comments: 'closed' })).status).toBe(403);
    const desk = await editor();
    const unknown = await desk.put('/api/moderation/pieces/articles/n-existe-pas', { comments: 'closed' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'piece_not_found' } });
    const invalid = await desk.put(`/api/moderation/pieces/${key}`, { comments: 'peut-être' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: { field: 'comments', message: expect.stringContaining('"closed"') } });
    expect((await desk.send('PUT', `/api/moderation/pieces/${key}`, '{"comments":', { 'content-type': 'application/json' })).status).toBe(400);
    expect(await query("SELECT comments_open FROM piece_settings WHERE piece_key = 'articles/n-existe-pas'")).toEqual([]);
  });
});
