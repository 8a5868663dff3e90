import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EDITOR_EMAIL } from '../setup/global-db';
import { mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { waitForMail } from '../../fixtures/smtp';
import { createComment } from '@/lib/readers/comments';
import { activeBans } from '@/lib/desk/moderation';
import { formatMoment } from '@/lib/format';

// Suspensions: a ban of 1 hour, 24 hours or 7 days ends by itself; the writer is told until when.

const PIECE = 'articles/le-ton-juste-sur-les-reseaux';
const HOUR_MS = 3_600_000;

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader');
  return visitor;
}

describe('suspending a commenter', () => {
  it('refuses them for 24 hours with the date they may write again, then lets them write (controlled clock)', async () => {
    const author = new Visitor();
    const email = `impatient-${randomUUID()}@exemple.fr`;
    const first = await author.post(pieceApi(PIECE).comments, { author: 'Impatient', email, body: `Un premier message (${randomUUID()}).` });
    expect(first.status).toBe(201);
    const commentId = (first.body.comment as { id: string }).id;
    const desk = await editor();
    const before = Date.now();
    const suspended = await desk.post('/api/moderation/bans', { commentId, kind: 'reader', reason: 'Ton agressif', duration: '24h' });
    expect(suspended.status).toBe(201);
    const until = Date.parse((suspended.body.ban as { expiresAt: string }).expiresAt);
    expect(until).toBeGreaterThanOrEqual(before + 24 * HOUR_MS);
    expect(until).toBeLessThanOrEqual(Date.now() + 24 * HOUR_MS);

    const refused = await author.post(pieceApi(PIECE).comments, { author: 'Impatient', body: 'Je veux répondre tout de suite.' });
    expect(refused.status).toBe(403);
    const message = (refused.body.error as { code: string; message: string }).message;
    expect(refused.body).toMatchObject({ error: { code: 'banned' } });
    expect(message).toContain(`Vous pourrez de nouveau commenter ${formatMoment(new Date(until).toISOString())}.`);
    expect(message).toMatch(/le \d{1,2}(er)? \p{L}+ à \d{1,2} h( \d\d)?\./u);

    // The statement of reasons (DSA art. 17): the measure and its end, the desk's own initiative, no automated means, the ground, redress.
    const statement = await waitForMail(mailDir, email, (mail) => mail.subject.includes('suspendue'));
    expect(statement.text).toContain('suspension de votre possibilité de publier des commentaires');
    expect(statement.text).toMatch(/jusqu’au \d{1,2}(er)? \p{L}+ \d{4} à \d\d:\d\d \(heure de Paris\)/u);
    expect(statement.text).toContain('de sa propre initiative');
    expect(statement.text).toContain('Aucun moyen automatisé');
    expect(statement.text).toContain('article 1 de la charte des commentaires');
    expect(statement.text).toContain('Ton agressif');
    expect(statement.text).toContain('répondez simplement à cet e-mail');

    // The same reader, as the write sees them, an hour before the end and a minute after it.
    const [row] = await query<{ reader_key: string }>('SELECT reader_key FROM comments WHERE id = $1', [commentId]);
    const writer = { readerKey: row?.reader_key ?? '', addressKey: `a:${randomUUID()}` };
    const guards = { limits: { reader: 100, address: 100 }, banKeys: [{ kind: 'reader', keyHash: writer.readerKey }] };
    const options = { moderation: { mode: 'post', maxLinks: 2 } as const, guards };
    await expect(createComment(PIECE, { author: 'Impatient', body: 'Encore trop tôt.' }, writer, { ...options, now: new Date(until - HOUR_MS) })).rejects.toMatchObject({ code: 'banned', status: 403 });
    await expect(createComment(PIECE, { author: 'Impatient', body: 'Me revoilà, plus calme.' }, writer, { ...options, now: new Date(until + 60_000) })).resolves.toMatchObject({ status: 'published' });

    // The desk lists it while it lasts, not after; the log says how long.
    expect((await activeBans()).some((ban) => ban.keyHash === writer.readerKey)).toBe(true);
    expect((await activeBans(new Date(until + 60_000))).some((ban) => ban.keyHash === writer.readerKey)).toBe(false);
    const [event] = await query<{ duration: string }>("SELECT duration FROM moderation_events WHERE action = 'ban' AND comment_id = $1", [commentId]);
    expect(event?.duration).toBe('24h');
  });

  it.each([
    ['1h', HOUR_MS],
    ['7d', 7 * 24 * HOUR_MS],
  ])('suspends an email for %s', async (duration, length) => {
    const desk = await editor();
    const email = `suspendu-${randomUUID()}@exemple.fr`;
    const answer = await desk.post('/api/moderation/bans', { email, reason: 'Messages répétés', duration });
    expect(answer.status).toBe(201);
    const expiresAt = Date.parse((answer.body.ban as { expiresAt: string }).expiresAt);
    expect(Math.abs(expiresAt - Date.now() - length)).toBeLessThan(60_000);
    const refused = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Quelqu’un', email, body: 'Puis-je commenter ?' });
    expect(refused.body).toMatchObject({ error: { code: 'banned', message: expect.stringContaining('Vous pourrez de nouveau commenter le ') } });
  });

  it('bans for good without a duration, and says so', async () => {
    const desk = await editor();
    const email = `banni-${randomUUID()}@exemple.fr`;
    const answer = await desk.post('/api/moderation/bans', { email, reason: 'Menaces' });
    expect(answer.body).toMatchObject({ ban: { expiresAt: null } });
    const refused = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Quelqu’un', email, body: 'Puis-je commenter ?' });
    expect(refused.body).toMatchObject({ error: { code: 'banned', message: expect.stringContaining('Vous ne pouvez plus publier de commentaires') } });
  });

  it('refuses an unknown duration with a French 422 naming the field, and stores nothing', async () => {
    const desk = await editor();
    const email = `duree-${randomUUID()}@exemple.fr`;
    const answer = await desk.post('/api/moderation/bans', { email, reason: 'Essai', duration: '3j' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', field: 'duration', message: expect.stringContaining('"1h", "24h", "7d" ou "permanent"') } });
    expect(await query('SELECT 1 FROM bans WHERE label = $1', [email])).toHaveLength(0);
  });
});
