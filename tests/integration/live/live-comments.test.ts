import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { EDITOR_EMAIL } from '../setup/global-db';
import { baseUrl, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { comments, openEvents, within, type LiveStream } from '../setup/live-events';

// A reader with a piece open is told of each comment published under it within 2 s, whoever wrote
// it and whenever it was approved: the test server's stream (GET …/events), read as a browser would.

// A piece no other integration test comments (the test archive closes « Déléguer l’animation »'s comments).
const PIECE = 'articles/animer-un-hub-plutot-que-pousser';
const OTHER_PIECE = 'articles/strategie-des-petits-cailloux';
const events = (key: string) => `${baseUrl}/api/pieces/${key}/events`;
const streams: LiveStream[] = [];

async function open(key: string): Promise<LiveStream> {
  const stream = await openEvents(events(key));
  streams.push(stream);
  // The stream is live once its first bytes are in: from then on, nothing published is missed.
  expect(await within(2000, () => stream.text().includes('retry: 5000'))).not.toBeNull();
  return stream;
}

async function signedInReader(): Promise<Visitor> {
  const reader = new Visitor();
  await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`, 'reader', 'Lectrice');
  return reader;
}

afterAll(async () => {
  for (const stream of streams) stream.close();
  await query('DELETE FROM comments WHERE piece_key = $1', [PIECE]);
});

describe('a piece’s live stream', () => {
  it('is a stream of Server-Sent Events, neither stored nor transformed by a proxy', async () => {
    const stream = await open(PIECE);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('content-encoding')).toBeNull();
    // Its connection ends with it: a reconnection never lands on a socket being closed.
    expect(stream.response.headers.get('connection')).toBe('close');
  });

  it('answers 404 in JSON for a piece that does not exist', async () => {
    const answer = await new Visitor().get(`/api/pieces/articles/n-existe-pas-${randomUUID()}/events`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'piece_not_found' } });
  });

  it('tells every reader of the piece, and only them, of a comment another visitor publishes, within 2 s, reply included', async () => {
    const [first, second, elsewhere] = [await open(PIECE), await open(PIECE), await open(OTHER_PIECE)];
    const writer = await signedInReader();
    // Two paragraphs: an event's data is one line, the text comes back whole.
    const body = 'Publié sous vos yeux.\n\nEt un second paragraphe : data: rien de plus.';
    const posted = await writer.post(pieceApi(PIECE).comments, { author: 'Lectrice', body, email: 'lectrice@exemple.fr' });
    expect(posted.status).toBe(201);
    const id = (posted.body.comment as { id: string }).id;
    for (const stream of [first, second]) {
      expect(await within(2000, () => comments(stream).some((comment) => comment.id === id)), 'annoncé en 2 s').not.toBeNull();
    }
    const announced = comments(first).find((comment) => comment.id === id);
    expect(announced).toEqual({ id, parentId: null, author: 'Lectrice', body, createdAt: expect.any(String), editedAt: null, badge: null, featured: false, useful: 0 });
    expect(first.text()).not.toContain('lectrice@exemple.fr');

    const reply = await writer.post(pieceApi(PIECE).comments, { author: 'Lectrice', body: 'Et une réponse.', parentId: id });
    const replyId = (reply.body.comment as { id: string }).id;
    expect(await within(2000, () => comments(second).some((comment) => comment.id === replyId))).not.toBeNull();
    expect(comments(second).find((comment) => comment.id === replyId)).toMatchObject({ parentId: id, body: 'Et une réponse.' });
    expect(comments(elsewhere)).toEqual([]);
  });

  it('says nothing of a comment that waits for moderation, then announces it when an editor approves it', async () => {
    const stream = await open(PIECE);
    const guest = new Visitor();
    const pending = await guest.post(pieceApi(PIECE).comments, { author: 'Invité', body: 'En attente de la rédaction.' });
    expect(pending.body.comment).toMatchObject({ status: 'pending' });
    const pendingId = (pending.body.comment as { id: string }).id;
    // Announced in the order they were committed: once this later one is in, the pending one would have been too.
    const later = await (await signedInReader()).post(pieceApi(PIECE).comments, { author: 'Lectrice', body: 'Écrit après.' });
    const laterId = (later.body.comment as { id: string }).id;
    expect(await within(2000, () => comments(stream).some((comment) => comment.id === laterId))).not.toBeNull();
    expect(comments(stream).map((comment) => comment.id)).not.toContain(pendingId);

    const editor = new Visitor();
    await signInAs(editor, EDITOR_EMAIL);
    expect((await editor.post('/api/moderation/comments', { ids: [pendingId], action: 'approve' })).status).toBe(200);
    expect(await within(2000, () => comments(stream).some((comment) => comment.id === pendingId)), 'annoncé en 2 s après l’approbation').not.toBeNull();
    expect(comments(stream).find((comment) => comment.id === pendingId)).toMatchObject({ author: 'Invité', body: 'En attente de la rédaction.' });
  });

  it('announces a published comment once: its author’s edit says nothing more', async () => {
    const stream = await open(PIECE);
    const writer = await signedInReader();
    const posted = await writer.post(pieceApi(PIECE).comments, { author: 'Lectrice', body: 'Une seule annonce.' });
    const id = (posted.body.comment as { id: string }).id;
    expect(await within(2000, () => comments(stream).some((comment) => comment.id === id))).not.toBeNull();
    expect((await writer.patch(`/api/comments/${id}`, { body: 'Une seule annonce, corrigée.' })).status).toBe(200);
    const marker = await writer.post(pieceApi(PIECE).comments, { author: 'Lectrice', body: 'Le repère.' });
    const markerId = (marker.body.comment as { id: string }).id;
    expect(await within(2000, () => comments(stream).some((comment) => comment.id === markerId))).not.toBeNull();
    expect(comments(stream).filter((comment) => comment.id === id)).toHaveLength(1);
  });
});
