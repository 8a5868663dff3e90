import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { confirmationLink } from '@/lib/newsletter/links';
import { forgetUnconfirmed } from '@/lib/newsletter/subscriptions';
import { baseUrl, mailDir, query, signInAs, Visitor } from '../setup/helpers';
import { linkIn, readMails, waitForMail } from '../../fixtures/smtp';

// Subscribing to the letter over HTTP, as a browser does it (with and without JavaScript), the
// confirmation e-mail received by the real SMTP listener, and leaving by the e-mail's links.

const CONFIRM_SUBJECT = 'Confirmez votre inscription à la lettre de Place des Réseaux';
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const address = (name: string) => `${name}-${randomUUID().slice(0, 8)}@exemple.fr`;

/** The subscriber row of an address, or undefined. */
async function subscriber(email: string) {
  const [row] = await query<{ id: string; rhythm: string; confirmed_at: Date | null }>('SELECT id, rhythm, confirmed_at FROM newsletter_subscribers WHERE email = $1', [email]);
  return row;
}

/** Follows the confirmation e-mail's link as a reader does: the page, then its button. */
async function confirmFromMail(visitor: Visitor, email: string): Promise<string> {
  const mail = await waitForMail(mailDir, email, (m) => m.subject === CONFIRM_SUBJECT);
  const link = new URL(linkIn(mail, `${baseUrl}/lettre/confirmer`));
  const page = await fetch(link);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('Confirmer mon inscription');
  const confirmed = await visitor.send('POST', '/api/newsletter/confirmation', link.searchParams.toString(), form);
  expect(confirmed.status).toBe(303);
  return confirmed.headers.get('location') ?? '';
}

describe('subscribing to the letter', () => {
  it('without JavaScript: the form, the confirmation e-mail, its link; nothing is sent before', async () => {
    const email = address('sans-js');
    const reader = new Visitor();
    const asked = await reader.send('POST', '/lettre/inscription', new URLSearchParams({ email: email.toUpperCase(), rhythm: 'weekly', website: '' }).toString(), form);
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe('/lettre?inscription=envoye#inscription');
    const notice = await (await fetch(`${baseUrl}/lettre?inscription=envoye`)).text();
    expect(notice).toContain('un e-mail de confirmation vient d’y partir');
    expect(await subscriber(email)).toMatchObject({ rhythm: 'weekly', confirmed_at: null });

    const mail = await waitForMail(mailDir, email, (m) => m.subject === CONFIRM_SUBJECT);
    expect(mail.text).toContain(`à l’adresse ${email}`);
    expect(mail.text).toContain('une fois par semaine');
    expect(mail.html).toContain('Confirmer');

    expect(await confirmFromMail(reader, email)).toBe('/lettre/confirmer?resultat=confirme&rythme=weekly');
    expect((await subscriber(email))?.confirmed_at).toBeInstanceOf(Date);
    expect(await (await fetch(`${baseUrl}/lettre/confirmer?resultat=confirme&rythme=weekly`)).text()).toContain('C’est confirmé : vous recevrez la lettre une fois par semaine');
  });

  it('with JavaScript (the API): the same answer for a new address and a subscribed one, and no second e-mail', async () => {
    const email = address('api');
    const reader = new Visitor();
    const first = await reader.post('/api/newsletter/subscriptions', { email, rhythm: 'each' });
    expect(first.status).toBe(202);
    await confirmFromMail(reader, email);
    const again = await new Visitor().post('/api/newsletter/subscriptions', { email, rhythm: 'each' });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(first.body.message).toContain('Si cette adresse ne reçoit pas déjà la lettre à ce rythme');
    // Another rhythm for a subscribed address: only its mailbox hears of it, and must confirm.
    const other = await new Visitor().post('/api/newsletter/subscriptions', { email, rhythm: 'weekly' });
    expect(other.body).toEqual(first.body);
    const change = await waitForMail(mailDir, email, (m) => m.subject === 'Confirmez le nouveau rythme de votre lettre Place des Réseaux');
    expect(change.text).toContain('reçoit déjà la lettre de Place des Réseaux à chaque parution');
    expect((await subscriber(email))?.rhythm).toBe('each');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readMails(mailDir).filter((m) => m.to.includes(email)).map((m) => m.subject)).toEqual([CONFIRM_SUBJECT, change.subject]);
  });

  it('refuses bad input with a French message, and stores nothing', async () => {
    const reader = new Visitor();
    const invalid = await reader.post('/api/newsletter/subscriptions', { email: '<script>alert(1)</script>@exemple.fr' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: 'validation_failed', field: 'email', message: expect.stringContaining('n’est pas valide') });
    expect((await reader.post('/api/newsletter/subscriptions', { email: address('r'), rhythm: 'daily' })).body.error).toMatchObject({ field: 'rhythm', message: expect.stringContaining('une fois par semaine') });
    expect((await reader.post('/api/newsletter/subscriptions', { email: address('r'), extra: 1 })).status).toBe(422);
    expect((await reader.send('POST', '/api/newsletter/subscriptions', 'email=a@b.fr', form)).status).toBe(415);
    expect((await reader.send('POST', '/api/newsletter/subscriptions', '{', { 'content-type': 'application/json' })).status).toBe(400);
    const foreign = await reader.send('POST', '/api/newsletter/subscriptions', { email: address('csrf') }, { origin: 'https://ailleurs.example' });
    expect(foreign.status).toBe(403);
    const bad = await reader.send('POST', '/lettre/inscription', new URLSearchParams({ email: 'pas-une-adresse' }).toString(), form);
    expect(bad.headers.get('location')).toBe('/lettre?inscription=adresse#inscription');
    expect(await (await fetch(`${baseUrl}/lettre?inscription=adresse`)).text()).toContain('Cette adresse e-mail n’est pas valide');
    expect(await query("SELECT 1 FROM newsletter_subscribers WHERE email LIKE '%script%' OR email = 'pas-une-adresse'")).toEqual([]);
  });

  it('treats robots like people in its answer, and does nothing for them', async () => {
    const trapped = address('robot');
    const honeypot = await new Visitor().post('/api/newsletter/subscriptions', { email: trapped, website: 'https://spam.example' });
    expect(honeypot.status).toBe(202);
    // The form of /lettre carries when it was shown: sent back within 3 seconds, it is a robot's.
    const page = await (await fetch(`${baseUrl}/lettre`)).text();
    const token = /name="startedAt" value="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(token).toMatch(/^\d+\./);
    const hasty = address('presse');
    const fast = await new Visitor().send('POST', '/lettre/inscription', new URLSearchParams({ email: hasty, startedAt: token }).toString(), form);
    expect(fast.headers.get('location')).toBe('/lettre?inscription=envoye#inscription');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = ANY($1)', [[trapped, hasty]])).toEqual([]);
    expect(readMails(mailDir).filter((m) => m.to.includes(trapped) || m.to.includes(hasty))).toEqual([]);
  });

  it('limits requests per reader a minute (429, Retry-After), and confirmation e-mails per address a day', async () => {
    const reader = new Visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await reader.post('/api/newsletter/subscriptions', { email: address('limite') })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await reader.post('/api/newsletter/subscriptions', { email: address('limite') });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('demandes d’inscription') });
    // Whoever asks, one mailbox gets three confirmation e-mails a day at most.
    const target = address('boite');
    for (let i = 0; i < 5; i++) expect((await new Visitor().post('/api/newsletter/subscriptions', { email: target })).status).toBe(202);
    await waitForMail(mailDir, target);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(readMails(mailDir).filter((m) => m.to.includes(target))).toHaveLength(3);
  });

  it('subscribes a signed-in reader’s own address in one click, without a confirmation e-mail', async () => {
    const email = address('compte');
    const reader = new Visitor();
    await signInAs(reader, email);
    const before = await reader.get('/api/newsletter/subscription');
    expect(before.body).toMatchObject({ account: { email }, rhythm: null });
    const answer = await reader.post('/api/newsletter/subscriptions', { email, rhythm: 'weekly' });
    expect(answer.body).toMatchObject({ status: 'subscribed', message: expect.stringContaining(`la lettre arrivera à ${email}`) });
    expect((await subscriber(email))?.confirmed_at).toBeInstanceOf(Date);
    expect((await reader.get('/api/newsletter/subscription')).body).toMatchObject({ rhythm: 'weekly' });
    // From the account page, without JavaScript: another rhythm, then leaving.
    const changed = await reader.send('POST', '/api/newsletter/account', new URLSearchParams({ action: 'inscrire', rhythm: 'each' }).toString(), form);
    expect(changed.headers.get('location')).toBe('/compte?lettre=inscrit#lettre');
    expect((await subscriber(email))?.rhythm).toBe('each');
    const page = await reader.get('/compte');
    expect(page.status).toBe(200);
    const left = await reader.send('POST', '/api/newsletter/account', new URLSearchParams({ action: 'desinscrire' }).toString(), form);
    expect(left.headers.get('location')).toBe('/compte?lettre=desinscrit#lettre');
    expect(await subscriber(email)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readMails(mailDir).filter((m) => m.to.includes(email))).toEqual([]);
    // Someone else typing that address gets no such shortcut.
    expect((await new Visitor().post('/api/newsletter/subscriptions', { email })).body.status).toBe('confirmation_sent');
  });

  it('refuses a forged or expired confirmation link, and forgets an address unconfirmed for 7 days', async () => {
    const email = address('lien');
    const reader = new Visitor();
    await reader.post('/api/newsletter/subscriptions', { email, rhythm: 'each' });
    const mail = await waitForMail(mailDir, email, (m) => m.subject === CONFIRM_SUBJECT);
    const link = new URL(linkIn(mail, `${baseUrl}/lettre/confirmer`));
    const post = (params: URLSearchParams) => reader.send('POST', '/api/newsletter/confirmation', params.toString(), form);
    const forged = new URLSearchParams(link.searchParams);
    forged.set('rythme', 'weekly');
    expect((await post(forged)).headers.get('location')).toBe('/lettre/confirmer?resultat=invalide');
    const tampered = new URLSearchParams(link.searchParams);
    tampered.set('jeton', `${tampered.get('jeton')?.slice(0, -2)}xx`);
    expect((await post(tampered)).headers.get('location')).toBe('/lettre/confirmer?resultat=invalide');
    const id = link.searchParams.get('abonne') ?? '';
    const old = new URL(confirmationLink(id, 'each', new Date(Date.now() - 8 * 24 * 3600 * 1000)));
    expect((await post(old.searchParams)).headers.get('location')).toBe('/lettre/confirmer?resultat=expire');
    expect(await (await fetch(`${baseUrl}/lettre/confirmer?resultat=expire`)).text()).toContain('Ce lien de confirmation a expiré');
    expect((await subscriber(email))?.confirmed_at).toBeNull();

    await query("UPDATE newsletter_subscribers SET created_at = now() - interval '8 days' WHERE email = $1", [email]);
    expect(await forgetUnconfirmed(new Date())).toBeGreaterThanOrEqual(1);
    expect(await subscriber(email)).toBeUndefined();
    // The genuine link, followed too late, finds nothing left to confirm.
    expect((await post(link.searchParams)).headers.get('location')).toBe('/lettre/confirmer?resultat=inconnu');
  });
});
