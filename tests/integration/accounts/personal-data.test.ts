import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pieceApi, signInAs, Visitor } from '../setup/helpers';

// « Télécharger mes données »: the signed-in reader's own data as a JSON file, nothing of others.
const PIECE = 'articles/quand-un-echange-s-envenime';

describe('a reader’s download of their data', () => {
  it('holds their account, ratings, comments with their status, and reports; nothing of anyone else', async () => {
    const reader = new Visitor();
    const email = `donnees-${randomUUID()}@exemple.fr`;
    await signInAs(reader, email, 'reader', 'Dominique');
    expect((await reader.put(pieceApi(PIECE).rating, { value: 4 })).status).toBe(200);
    const mine = await reader.post(pieceApi(PIECE).comments, { author: 'Dominique', body: 'Mon commentaire à moi.' });
    expect(mine.status).toBe(201);

    const other = new Visitor();
    await signInAs(other, `autre-${randomUUID()}@exemple.fr`, 'reader', 'Quelqu’un');
    await other.put(pieceApi(PIECE).rating, { value: 1 });
    const theirs = await other.post(pieceApi(PIECE).comments, { author: 'Quelqu’un', body: 'Le commentaire de quelqu’un d’autre.' });
    expect(theirs.status).toBe(201);
    const report = await reader.post(`/api/comments/${(theirs.body.comment as { id: string }).id}/reports`, { reason: 'off_topic', details: 'Hors sujet, je trouve.' });
    expect(report.status).toBe(201);

    expect((await reader.post('/api/newsletter/subscriptions', { email, rhythm: 'weekly' })).body.status).toBe('subscribed');

    const download = await reader.get('/compte/mes-donnees');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="place-des-reseaux-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    const data = download.body as Record<string, unknown> & { commentaires: { texte: string; statut: string }[]; notes: { note: number }[] };
    expect(data.compte).toMatchObject({ email, nom: 'Dominique', role: 'lecteur' });
    expect(data.notes).toEqual([expect.objectContaining({ contenu: PIECE, note: 4 })]);
    expect(data.commentaires).toEqual([expect.objectContaining({ contenu: PIECE, texte: 'Mon commentaire à moi.', statut: expect.stringMatching(/^(publié|en attente de modération)$/) })]);
    expect(data.signalements).toEqual([expect.objectContaining({ motif: 'off_topic', precisions: 'Hors sujet, je trouve.' })]);
    expect(data.lettre).toMatchObject({ adresse: email, rythme: 'une fois par semaine', confirmeeLe: expect.stringMatching(/^\d{4}-/) });
    const text = JSON.stringify(data);
    expect(text).not.toContain('quelqu’un d’autre');
    expect(text).not.toContain('autre-');
  });

  it('answers 401 with a French message to a visitor who is not signed in', async () => {
    const answer = await new Visitor().get('/compte/mes-donnees');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: { code: 'not_signed_in', message: expect.stringContaining('Connectez-vous') } });
  });
});
