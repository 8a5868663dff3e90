import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteAccount, renameAccount, setEditor } from '@/lib/accounts/account-changes';
import { baseUrl, mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { linkIn, waitForMail } from '../../fixtures/smtp';

/** The whole mail flow, over HTTP, as a browser does it: CSRF token, request, link, callback. */
async function signInByMail(visitor: Visitor, email: string): Promise<void> {
  const csrf = await visitor.get('/api/auth/csrf');
  const requested = await visitor.send(
    'POST',
    '/api/auth/signin/email',
    new URLSearchParams({ email, csrfToken: String(csrf.body.csrfToken), callbackUrl: `${baseUrl}/compte`, json: 'true' }).toString(),
    { 'content-type': 'application/x-www-form-urlencoded' },
  );
  expect(requested.status).toBeLessThan(400);
  const mail = await waitForMail(mailDir, email, (m) => m.subject === 'Votre lien de connexion à Place des Réseaux');
  const link = new URL(linkIn(mail, `${baseUrl}/api/auth/callback/email`));
  const callback = await visitor.get(`${link.pathname}${link.search}`);
  expect(callback.status).toBe(302);
  expect(visitor.cookies.get('next-auth.session-token')).toBeTruthy();
}

describe('accounts', () => {
  it('signs in with the link received by mail, then comments under the account, published at once', async () => {
    const email = `lectrice-${randomUUID()}@exemple.fr`;
    const reader = new Visitor();
    await signInByMail(reader, email);
    const me = await reader.get(`${pieceApi('articles/quand-un-echange-s-envenime').rating.replace('/rating', '/me')}`);
    expect(me.body.account).toEqual({ name: null, isEditor: false });
    const { body } = await reader.post(pieceApi('articles/quand-un-echange-s-envenime').comments, { author: 'Sophie', body: 'Connectée.' });
    expect(body.comment).toMatchObject({ author: 'Sophie', status: 'published' });
    expect(await query('SELECT name FROM users WHERE email = $1', [email])).toEqual([{ name: 'Sophie' }]);
    const again = await reader.post(pieceApi('articles/quand-un-echange-s-envenime').comments, { author: 'Autre nom', body: 'Toujours moi.' });
    expect(again.body.comment).toMatchObject({ author: 'Sophie' });
  });

  it('gives the account what the browser did before signing in; for a piece rated both ways, the newest rating wins', async () => {
    const email = `fusion-${randomUUID()}@exemple.fr`;
    const earlier = new Visitor();
    await signInAs(earlier, email);
    await earlier.put(pieceApi('articles/archive-07').rating, { value: 2 });
    const browser = new Visitor();
    await browser.put(pieceApi('articles/archive-07').rating, { value: 5 });
    await browser.put(pieceApi('articles/archive-08').rating, { value: 4 });
    await browser.post(pieceApi('articles/archive-08').comments, { author: 'Anonyme', body: 'Avant connexion.' });
    await signInByMail(browser, email);
    const [user] = await query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    const ratings = await query<{ piece_key: string; value: number }>('SELECT piece_key, value FROM ratings WHERE reader_key = $1 ORDER BY piece_key', [`u:${user?.id}`]);
    expect(ratings).toEqual([{ piece_key: 'articles/archive-07', value: 5 }, { piece_key: 'articles/archive-08', value: 4 }]);
    expect(await query('SELECT 1 FROM ratings WHERE piece_key = $1 AND value = 2', ['articles/archive-07'])).toEqual([]);
    expect(await query('SELECT user_id FROM comments WHERE body = $1', ['Avant connexion.'])).toEqual([{ user_id: user?.id }]);
    expect((await browser.get(pieceApi('articles/archive-07').rating)).body).toMatchObject({ mine: 5 });
  });

  it('deletes an account: comments signed « Lecteur supprimé », ratings still counted, anonymous', async () => {
    const email = `depart-${randomUUID()}@exemple.fr`;
    const reader = new Visitor();
    const userId = await signInAs(reader, email, 'reader', 'Partante');
    const piece = 'articles/archive-09';
    const before = (await new Visitor().get(pieceApi(piece).rating)).body.count as number;
    await reader.put(pieceApi(piece).rating, { value: 3 });
    await reader.post(pieceApi(piece).comments, { author: 'Partante', body: 'Je pars bientôt.' });
    await query("INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) VALUES ($1, 'each', now())", [email]);
    await deleteAccount(userId);
    expect(await query('SELECT author_name, email, user_id FROM comments WHERE body = $1', ['Je pars bientôt.'])).toEqual([{ author_name: 'Lecteur supprimé', email: null, user_id: null }]);
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [email])).toEqual([]);
    expect(await query('SELECT 1 FROM users WHERE id = $1', [userId])).toEqual([]);
    expect(await query('SELECT 1 FROM sessions WHERE user_id = $1', [userId])).toEqual([]);
    const ratings = await query<{ reader_key: string; user_id: string | null }>('SELECT reader_key, user_id FROM ratings WHERE piece_key = $1', [piece]);
    expect(ratings.length).toBe(before + 1);
    expect(ratings.every((rating) => rating.user_id === null && !rating.reader_key.includes(userId))).toBe(true);
  });

  it('renames the comments of an account with its display name', async () => {
    const reader = new Visitor();
    const userId = await signInAs(reader, `nom-${randomUUID()}@exemple.fr`, 'reader', 'Ancien nom');
    await reader.post(pieceApi('articles/archive-10').comments, { author: 'Ancien nom', body: 'Signé de mon nom.' });
    expect(await renameAccount(userId, 'Nouveau nom')).toEqual(['articles/archive-10']);
    expect(await query('SELECT author_name FROM comments WHERE body = $1', ['Signé de mon nom.'])).toEqual([{ author_name: 'Nouveau nom' }]);
  });

  it('makes and unmakes editors (npm run editor)', async () => {
    const email = `chef-${randomUUID()}@exemple.fr`;
    await setEditor(email, true);
    const visitor = new Visitor();
    await signInAs(visitor, email, 'editor');
    expect((await visitor.get('/api/moderation/queue')).status).toBe(200);
    await setEditor(email, false);
    expect((await visitor.get('/api/moderation/queue')).status).toBe(403);
  });
});
