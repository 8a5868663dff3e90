import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EDITOR_EMAIL } from '../setup/global-db';
import { baseUrl, mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { linkIn, readMails, waitForMail } from '../../fixtures/smtp';

const PIECE = 'articles/le-ton-juste-sur-les-reseaux';

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader'); // an editor by EDITOR_EMAILS, whatever the role
  return visitor;
}

async function pendingComment(body: string, extra: Record<string, unknown> = {}, author = new Visitor()) {
  const { body: answer } = await author.post(pieceApi(PIECE).comments, { author: 'Invité', body, ...extra });
  return { id: (answer.comment as { id: string }).id, author };
}

describe('who may moderate', () => {
  const endpoints: [string, string, unknown?][] = [
    ['GET', '/api/moderation/queue'],
    ['POST', '/api/moderation/comments', { ids: [randomUUID()], action: 'approve' }],
    ['GET', '/api/moderation/bans'],
    ['POST', '/api/moderation/bans', { email: 'x@exemple.fr', reason: 'test' }],
    ['DELETE', `/api/moderation/bans/${randomUUID()}`],
    ['GET', '/api/moderation/log'],
    ['GET', '/api/moderation/pieces'],
  ];

  it.each(endpoints)('%s %s: 401 anonymous, 403 reader, answered for an editor', async (method, path, body) => {
    const anonymous = await new Visitor().send(method, path, body);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ error: { code: 'not_signed_in' } });
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    const refused = await reader.send(method, path, body);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'not_editor' } });
    const allowed = await (await editor()).send(method, path, body);
    expect([200, 201, 404]).toContain(allowed.status);
  });

  it.each(['/redaction', '/redaction/bannis', '/redaction/journal', '/redaction/contenus'])('page %s: 401, 403, 200', async (path) => {
    expect((await new Visitor().get(path)).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    expect((await reader.get(path)).status).toBe(403);
    expect((await (await editor()).get(path)).status).toBe(200);
  });

  it('refuses a moderation from another origin, even by an editor', async () => {
    const answer = await (await editor()).send('POST', '/api/moderation/comments', { ids: [randomUUID()], action: 'approve' }, { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ error: { code: 'forbidden_origin' } });
  });
});

describe('moderating', () => {
  it('approves a pending comment, which readers then see, and logs who decided', async () => {
    const { id } = await pendingComment('À valider par la rédaction.');
    expect(JSON.stringify((await new Visitor().get(pieceApi(PIECE).comments)).body)).not.toContain('À valider par la rédaction.');
    const desk = await editor();
    const queue = await desk.get('/api/moderation/queue');
    expect((queue.body.comments as { id: string }[]).some((comment) => comment.id === id)).toBe(true);
    const decided = await desk.post('/api/moderation/comments', { ids: [id], action: 'approve', reason: 'Pertinent' });
    expect(decided.body).toEqual({ decisions: [{ id, action: 'approve' }] });
    expect(JSON.stringify((await new Visitor().get(pieceApi(PIECE).comments)).body)).toContain('À valider par la rédaction.');
    const log = await desk.get('/api/moderation/log');
    expect((log.body.events as { commentId: string; action: string; editor: string; reason: string }[]).find((event) => event.commentId === id)).toMatchObject({
      action: 'approve',
      editor: EDITOR_EMAIL,
      reason: 'Pertinent',
    });
  });

  it('makes one decision and one log entry when two editors decide at once', async () => {
    const { id } = await pendingComment('Deux éditeurs en même temps.');
    const [first, second] = await Promise.all([
      (await editor()).post('/api/moderation/comments', { ids: [id], action: 'spam' }),
      (await editor()).post('/api/moderation/comments', { ids: [id], action: 'spam' }),
    ]);
    const decisions = [...(first?.body.decisions as unknown[]), ...(second?.body.decisions as unknown[])];
    expect(decisions).toHaveLength(1);
    expect(await query('SELECT 1 FROM moderation_events WHERE comment_id = $1', [id])).toHaveLength(1);
  });

  it('resolves the reports of a comment it keeps, and shows reported comments in the queue', async () => {
    const { id } = await pendingComment('Signalé mais correct.');
    const desk = await editor();
    await desk.post('/api/moderation/comments', { ids: [id], action: 'approve' });
    await new Visitor().post(`/api/comments/${id}/reports`, { reason: 'off_topic', details: 'Pas sûr.' });
    const queue = (await desk.get('/api/moderation/queue')).body.comments as { id: string; reports: { reason: string }[] }[];
    expect(queue.find((comment) => comment.id === id)?.reports).toEqual([{ reason: 'off_topic', details: 'Pas sûr.', createdAt: expect.any(String) }]);
    await desk.post('/api/moderation/comments', { ids: [id], action: 'keep' });
    expect(((await desk.get('/api/moderation/queue')).body.comments as { id: string }[]).some((comment) => comment.id === id)).toBe(false);
  });

  it('exports the pieces’ figures as CSV', async () => {
    const response = await fetch(`${baseUrl}/api/moderation/pieces?format=csv`, { headers: { cookie: [...(await editor()).cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // Read as bytes: text() would drop the byte order mark that spreadsheets need.
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(csv.split('\r\n')[0]).toBe('\uFEFFclé;titre;note moyenne;avis;1 étoile;2 étoiles;3 étoiles;4 étoiles;5 étoiles;commentaires');
    expect(csv).toContain('interviews/valerie-march-place-des-reseaux;');
  });
});

describe('bans', () => {
  it('refuses the comments of a banned reader politely, until the ban is lifted', async () => {
    const { id, author } = await pendingComment('Premier message avant bannissement.');
    const desk = await editor();
    const banned = await desk.post('/api/moderation/bans', { commentId: id, kind: 'reader', reason: 'Insultes répétées' });
    expect(banned.status).toBe(201);
    const refused = await author.post(pieceApi(PIECE).comments, { author: 'Invité', body: 'Encore moi.' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'banned', message: expect.stringContaining('écrivez à la rédaction') } });
    expect((await desk.delete(`/api/moderation/bans/${(banned.body.ban as { id: string }).id}`)).status).toBe(200);
    expect((await author.post(pieceApi(PIECE).comments, { author: 'Invité', body: 'De retour.' })).status).toBe(201);
    const log = (await desk.get('/api/moderation/log')).body.events as { action: string }[];
    expect(log.map((event) => event.action)).toEqual(expect.arrayContaining(['ban', 'unban']));
  });

  it('bans an email, stored as a keyed hash only', async () => {
    const desk = await editor();
    await desk.post('/api/moderation/bans', { email: 'Troll@Exemple.fr', reason: 'Spam' });
    const answer = await new Visitor().post(pieceApi(PIECE).comments, { author: 'T', body: 'Bonjour', email: 'troll@exemple.fr' });
    expect(answer.body).toMatchObject({ error: { code: 'banned' } });
    const [row] = await query<{ key_hash: string }>("SELECT key_hash FROM bans WHERE label = 'troll@exemple.fr'");
    expect(row?.key_hash).toMatch(/^e:[0-9a-f]{64}$/);
  });
});

describe('notifications', () => {
  it('tells the author of a comment of a published reply, until they unsubscribe in one click', async () => {
    const email = `auteur-${randomUUID()}@exemple.fr`;
    const { id } = await pendingComment('Prévenez-moi.', { email, notify: true });
    const desk = await editor();
    await desk.post('/api/moderation/comments', { ids: [id], action: 'approve' });
    const { body } = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Répondeur', body: 'Voici ma réponse.', parentId: id });
    await desk.post('/api/moderation/comments', { ids: [(body.comment as { id: string }).id], action: 'approve' });
    const mail = await waitForMail(mailDir, email, (m) => m.subject.includes('a répondu'));
    expect(mail.subject).toBe('Répondeur a répondu à votre commentaire');
    expect(mail.text).toContain('Voici ma réponse.');
    const unsubscribe = linkIn(mail, `${baseUrl}/desabonnement?`);
    expect(mail.headers['list-unsubscribe']).toContain('/desabonnement?');
    const url = new URL(unsubscribe);
    const posted = await fetch(`${baseUrl}/api/notifications/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ commentaire: url.searchParams.get('commentaire') ?? '', jeton: url.searchParams.get('jeton') ?? '' }),
      redirect: 'manual',
    });
    expect(posted.headers.get('location')).toBe('/desabonnement?fait=1');
    expect(await query('SELECT notify_replies FROM comments WHERE id = $1', [id])).toEqual([{ notify_replies: false }]);
    const forged = await fetch(`${baseUrl}/api/notifications/unsubscribe?commentaire=${id}&jeton=faux`, { method: 'POST', redirect: 'manual' });
    expect(forged.headers.get('location')).toBe('/desabonnement?erreur=1');
  });

  it('emails the editors when a comment waits, at most once in 10 minutes', async () => {
    await query("DELETE FROM notification_state WHERE key = 'editors'");
    const before = readMails(mailDir).filter((mail) => mail.to.includes(EDITOR_EMAIL)).length;
    await pendingComment('Pour le récapitulatif des éditeurs.');
    const digest = await waitForMail(mailDir, EDITOR_EMAIL, (mail) => mail.text.includes('Pour le récapitulatif des éditeurs.'));
    expect(digest.subject).toMatch(/^Modération : \d+ en attente/);
    expect(digest.text).toContain('/redaction');
    await pendingComment('Un second, dans les 10 minutes.');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readMails(mailDir).filter((mail) => mail.to.includes(EDITOR_EMAIL))).toHaveLength(before + 1);
  });
});
