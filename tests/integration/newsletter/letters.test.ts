import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newsletterOverview } from '@/lib/newsletter/desk';
import { pieceLetter } from '@/lib/newsletter/letters';
import { unsubscribeToken } from '@/lib/newsletter/links';
import { runNewsletter } from '@/lib/newsletter/worker';
import { baseUrl, mailDir, query, Visitor } from '../setup/helpers';
import { readMails, waitForMail, type ReceivedMail } from '../../fixtures/smtp';
import { XSS_PAYLOADS } from '../../fixtures/xss-payloads';

// What the letter sends, on a controlled clock: the test archive's piece scheduled for
// 2099-01-01 (midnight in Paris: 23:00 UTC the day before) becomes due without a rebuild, and the Monday after has its digest.

const PIECE = 'articles/article-a-paraitre';
const TITLE = 'À paraître Zorglubesque';
const htmls: Record<string, string> = {};

async function subscribed(name: string, rhythm: 'each' | 'weekly', confirmed = true): Promise<string> {
  const email = `${name}-${randomUUID().slice(0, 8)}@exemple.fr`;
  await query(`INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) VALUES ($1, $2, ${confirmed ? 'now()' : 'NULL'})`, [email, rhythm]);
  return email;
}

const mailsTo = (email: string) => readMails(mailDir).filter((mail) => mail.to.includes(email));
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** The address of a mail's one-click unsubscription (its List-Unsubscribe header). */
const oneClick = (mail: ReceivedMail) => /^<([^>]+)>$/.exec(mail.headers['list-unsubscribe'] ?? '')?.[1] ?? '';

describe('the letters', () => {
  it('sends a scheduled piece, once it is due, once, to confirmed « à chaque parution » subscribers only', async () => {
    const each = await subscribed('chaque', 'each');
    const weekly = await subscribed('hebdo', 'weekly');
    const unconfirmed = await subscribed('attente', 'each', false);
    const early = await runNewsletter(new Date('2098-12-31T22:59:00Z'));
    expect(early.created.filter((send) => send.label === PIECE)).toEqual([]);

    const due = await runNewsletter(new Date('2098-12-31T23:01:00Z'));
    expect(due.created).toContainEqual(expect.objectContaining({ kind: 'piece', label: PIECE }));
    const mail = await waitForMail(mailDir, each, (m) => m.subject.includes(TITLE));
    expect(mail.subject).toBe(`Article : ${TITLE}`);
    // Its links say « La lettre » and the send to the audience (lib/audience): the send's id.
    const sendId = due.created.find((send) => send.label === PIECE)?.id ?? '';
    expect(mail.text).toContain(`Lire : ${baseUrl}/${PIECE}?utm_source=lettre&utm_medium=email&utm_campaign=${sendId}`);
    expect(mail.text).toContain('par ');
    expect(mail.html).toContain(`href="${baseUrl}/${PIECE}?utm_source=lettre&#x26;utm_medium=email&#x26;utm_campaign=${sendId}"`);
    expect(mail.html).toContain('>Lire</a>');
    expect(mail.html).not.toMatch(/<img|<script/i);
    expect(oneClick(mail)).toMatch(new RegExp(`^${baseUrl}/api/newsletter/unsubscribe\\?abonne=[0-9a-f-]{36}&jeton=`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    htmls.piece = mail.html ?? '';

    // Later rounds, on this instance or another, find the piece's letter already claimed.
    const again = await runNewsletter(new Date('2098-12-31T23:05:00Z'));
    expect(again.created).toEqual([]);
    await settle();
    expect(mailsTo(each)).toHaveLength(1);
    expect(mailsTo(weekly)).toEqual([]);
    expect(mailsTo(unconfirmed)).toEqual([]);
    const { sends } = await newsletterOverview();
    const send = sends.find((candidate) => candidate.title === TITLE);
    expect(send).toMatchObject({ kind: 'piece', failed: 0, waiting: 0 });
    expect(send?.sent).toBe(send?.recipients);
    expect(send?.finishedAt).toBeInstanceOf(Date);
  });

  it('sends the Monday digest at 8:00 Paris time to weekly subscribers, and nothing for an empty week', async () => {
    const weekly = await subscribed('lundi', 'weekly');
    const each = await subscribed('pas-lundi', 'each');
    // 07:59 in Paris (UTC+1 in winter): not yet.
    expect((await runNewsletter(new Date('2099-01-05T06:59:00Z'))).created.filter((send) => send.kind === 'digest')).toEqual([]);
    const monday = await runNewsletter(new Date('2099-01-05T07:01:00Z'));
    expect(monday.created).toContainEqual(expect.objectContaining({ kind: 'digest', label: '2099-01-05T07:00:00.000Z' }));
    const digest = await waitForMail(mailDir, weekly, (m) => m.subject.startsWith('La semaine'));
    expect(digest.subject).toBe('La semaine de Place des Réseaux : Une parution jusqu’au 5 janvier 2099');
    expect(digest.text).toContain(TITLE);
    expect(digest.text).toContain(`Lire : ${baseUrl}/${PIECE}`);
    expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    htmls.digest = digest.html ?? '';
    // The next Monday: nothing was published in the week, nothing is sent.
    expect((await runNewsletter(new Date('2099-01-12T07:01:00Z'))).created).toEqual([]);
    await settle();
    expect(mailsTo(weekly)).toHaveLength(1);
    expect(mailsTo(each).filter((m) => m.subject.startsWith('La semaine'))).toEqual([]);
  });

  it('unsubscribes by the one-click header and by the link, without signing in; refuses a forged link', async () => {
    const [byHeader, byLink] = [await subscribed('entete', 'weekly'), await subscribed('lien', 'weekly')];
    // A week of its own (2026-10-06 to 2026-10-11 in the test archive) for these two.
    await runNewsletter(new Date('2026-10-12T06:01:00Z'));
    const [first, second] = [await waitForMail(mailDir, byHeader), await waitForMail(mailDir, byLink)];

    const url = oneClick(first);
    const forged = await fetch(url.replace(/jeton=[^&]+/, 'jeton=faux'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(forged.status).toBe(403);
    // What a mail provider sends (RFC 8058): a POST from its servers, with no Origin.
    const clicked = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('vous ne recevrez plus la lettre');
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [byHeader])).toEqual([]);
    expect(first.headers['list-id']).toBe('=?UTF-8?Q?La_lettre_de_Place_des_R=C3=A9seaux?= <lettre.127.0.0.1>');
    // Some providers post it as multipart/form-data, which RFC 8058 allows too.
    const third = await subscribed('multipart', 'weekly');
    const [row] = await query<{ id: string }>('SELECT id FROM newsletter_subscribers WHERE email = $1', [third]);
    const multipart = new FormData();
    multipart.set('List-Unsubscribe', 'One-Click');
    const thirdLink = url.replace(/abonne=[^&]+&jeton=[^&]+/, new URLSearchParams({ abonne: row?.id ?? '', jeton: unsubscribeToken(row?.id ?? '') }).toString());
    expect((await fetch(thirdLink, { method: 'POST', body: multipart })).status).toBe(200);
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [third])).toEqual([]);

    const link = new URL(/Se désinscrire en un clic : (\S+)/.exec(second.text)?.[1] ?? '');
    expect(second.html).toContain('Se désinscrire en un clic');
    const page = await fetch(link);
    expect(await page.text()).toContain('Me désinscrire');
    // Opening the link (a mail scanner does) unsubscribes no one: the page's button does.
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [byLink])).toHaveLength(1);
    const reader = new Visitor();
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const bad = new URLSearchParams(link.searchParams);
    bad.set('jeton', 'faux');
    expect((await reader.send('POST', '/api/newsletter/unsubscribe', bad.toString(), form)).headers.get('location')).toBe('/lettre/desinscription?resultat=invalide');
    const left = await reader.send('POST', '/api/newsletter/unsubscribe', link.searchParams.toString(), form);
    expect(left.headers.get('location')).toBe('/lettre/desinscription?resultat=fait');
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [byLink])).toEqual([]);
  });

  it('writes e-mails that pass the Nu Html Checker and escape every text they show', async () => {
    const email = `valide-${randomUUID().slice(0, 8)}@exemple.fr`;
    await new Visitor().post('/api/newsletter/subscriptions', { email, rhythm: 'weekly' });
    htmls.confirmation = (await waitForMail(mailDir, email)).html ?? '';
    const leaving = { page: `${baseUrl}/lettre/desinscription?abonne=x&jeton=y`, oneClick: `${baseUrl}/api/newsletter/unsubscribe?abonne=x&jeton=y`, rhythm: 'each' as const };
    XSS_PAYLOADS.forEach((payload, i) => {
      const hostile = pieceLetter('lecteur@exemple.fr', { url: '/articles/x', title: payload, summary: `${payload} & <b>gras</b>`, author: payload, kind: 'Article', publishedAt: new Date() }, leaving, 'essai');
      // Markup only outside attribute values (quoted, where < is text).
      expect((hostile.html ?? '').replace(/="[^"]*"/g, '=""'), payload).not.toMatch(/<(script|img|svg|iframe|b)[\s>/]/i);
      expect(hostile.html ?? '').toContain('&#x26; &#x3C;b>gras&#x3C;/b>');
      if (i < 20) htmls[`hostile-${i}`] = hostile.html ?? '';
    });
    expect(Object.keys(htmls)).toEqual(expect.arrayContaining(['piece', 'digest', 'confirmation']));
    const folder = mkdtempSync(path.join(tmpdir(), 'pdr-lettre-vnu-'));
    try {
      const files = Object.entries(htmls).map(([name, html]) => {
        const file = path.join(folder, `${name}.html`);
        writeFileSync(file, html);
        return file;
      });
      const jar = String(createRequire(import.meta.url)('vnu-jar'));
      const vnu = spawnSync('java', ['-Xss4m', '-Xmx256m', '-XX:+UseSerialGC', '-jar', jar, '--format', 'json', '--errors-only', '--stdout', ...files], { encoding: 'utf8' });
      expect(vnu.error, 'Java is needed: scripts/ensure-java.sh installs it').toBeUndefined();
      const errors = (JSON.parse(vnu.stdout) as { messages: { type: string; url: string; message: string; extract?: string }[] }).messages.filter((message) => message.type !== 'info');
      expect(errors.map((error) => `${path.basename(error.url)}: ${error.message} ${error.extract ?? ''}`)).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
