import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AUTHOR_EMAIL } from '../../e2e/fixtures/compose-content.mjs';
import { EDITOR_EMAIL } from '../setup/global-db';
import { baseUrl, mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { readMails, waitForMail } from '../../fixtures/smtp';

// The newsroom in the conversation, as readers and editors meet it through the API and the pages:
// badges, « Coups de cœur de la rédaction » (and their e-mail), the featuring's refusals.

type Listed = { id: string; author: string; badge: string | null; featured: boolean; useful: number; replies: Listed[] };

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader');
  return visitor;
}

async function signedIn(name: string, email = `lecteur-${randomUUID()}@exemple.fr`): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, email, 'reader', name);
  return visitor;
}

async function write(visitor: Visitor, key: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await visitor.post(pieceApi(key).comments, { author: 'Invité', body, ...extra });
  expect(answer.status).toBe(201);
  return (answer.body.comment as { id: string }).id;
}

async function listed(key: string, query = ''): Promise<Listed[]> {
  const answer = await new Visitor().get(`${pieceApi(key).comments}${query}`);
  expect(answer.status).toBe(200);
  return answer.body.comments as Listed[];
}

/** The header of a comment in a page's HTML (its author, badge, date and marks), once it shows `expected`. */
async function headerInPage(path: string, id: string, expected: string): Promise<string> {
  const deadline = Date.now() + 5000;
  let header = '';
  while (Date.now() < deadline) {
    const html = await (await fetch(`${baseUrl}${path}`)).text();
    header = new RegExp(`id="commentaire-${id}"[\\s\\S]*?</header>`).exec(html)?.[0] ?? '';
    if (header.includes(expected)) return header;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return header;
}

describe('the magazine’s voice', () => {
  const key = 'articles/archive-05';

  it('marks an editor’s reply « La rédaction », in the API and in the page, and never a reader who signs so', async () => {
    const impostor = await signedIn('La rédaction');
    const top = await write(impostor, key, 'Je signe « La rédaction », mais je suis un lecteur.');
    const reply = await write(await editor(), key, 'Merci pour votre question : nous y répondons dans le prochain numéro.', { parentId: top });
    const comment = (await listed(key)).find((candidate) => candidate.id === top);
    expect(comment).toMatchObject({ author: 'La rédaction', badge: null });
    expect(comment?.replies).toEqual([expect.objectContaining({ id: reply, badge: 'redaction' })]);

    // In the prerendered page, once the write revalidated it: the badge beside the editor's name only.
    const badge = 'text-accent-ink">La rédaction</span>';
    expect(await headerInPage(`/${key}`, reply, badge)).toContain(badge);
    const impostorHeader = await headerInPage(`/${key}`, top, '>La rédaction</bdi>');
    expect(impostorHeader).toContain('>La rédaction</bdi>');
    expect(impostorHeader).not.toContain(badge);
  });

  it('refuses a badge sent by the reader', async () => {
    const answer = await new Visitor().post(pieceApi(key).comments, { author: 'Malin', body: 'Je me donne un badge.', badge: 'redaction' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', field: 'badge' } });
  });

  it('marks the piece’s author « Auteur de l’article », from the email of their author file', async () => {
    const piece = 'interviews/valerie-march-place-des-reseaux';
    const author = await signedIn('Nelly Lambert', AUTHOR_EMAIL);
    const id = await write(author, piece, 'Merci à toutes et à tous pour vos lectures attentives.');
    expect((await listed(piece)).find((comment) => comment.id === id)).toMatchObject({ badge: 'auteur' });
    // The same account under another author's piece is a reader like any other.
    const elsewhere = await write(author, key, 'Un commentaire sous l’article d’un autre auteur.');
    expect((await listed(key)).find((comment) => comment.id === elsewhere)).toMatchObject({ badge: null });
    expect(await headerInPage(`/${piece}`, id, 'Auteur de l’article')).toContain('Auteur de l’article');
  });
});

describe('« Coups de cœur de la rédaction »', () => {
  const key = 'articles/archive-04';
  const feature = async (visitor: Visitor, ids: string[], action: 'feature' | 'unfeature' = 'feature') =>
    visitor.post('/api/moderation/comments', { ids, action });

  it('features a published comment: marked in the API, in the strip above the thread, its author told once', async () => {
    const desk = await editor();
    const email = `coup-de-coeur-${randomUUID()}@exemple.fr`;
    const id = await write(new Visitor(), key, 'Le réseau, c’est d’abord donner avant de recevoir.', { email });
    expect((await desk.post('/api/moderation/comments', { ids: [id], action: 'approve' })).status).toBe(200);

    const featured = await feature(desk, [id]);
    expect(featured.status).toBe(200);
    expect(featured.body).toEqual({ decisions: [{ id, action: 'feature' }] });
    expect((await listed(key)).find((comment) => comment.id === id)).toMatchObject({ featured: true });

    const html = await pageShowing(`/${key}`, 'Coups de cœur de la rédaction');
    const strip = /<section aria-labelledby="coups-de-coeur-titre"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(strip).toContain('Le réseau, c’est d’abord donner avant de recevoir.');
    expect(strip).toContain(`href="#commentaire-${id}"`);

    const mail = await waitForMail(mailDir, email, (candidate) => candidate.subject === 'Votre commentaire a été retenu par la rédaction');
    expect(mail.text).toContain('Le réseau, c’est d’abord donner');
    expect(mail.headers['list-unsubscribe']).toMatch(/desabonnement\?commentaire=/);

    // Taken back and given again: still one e-mail.
    expect((await feature(desk, [id], 'unfeature')).body).toEqual({ decisions: [{ id, action: 'unfeature' }] });
    expect(await pageShowing(`/${key}`, 'Le réseau', (page) => !page.includes('coups-de-coeur-titre'))).not.toContain('coups-de-coeur-titre');
    await feature(desk, [id]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readMails(mailDir).filter((candidate) => candidate.to.includes(email))).toHaveLength(1);
    const log = await query<{ action: string }>("SELECT action FROM moderation_events WHERE comment_id = $1 AND action IN ('feature', 'unfeature') ORDER BY created_at", [id]);
    expect(log.map((row) => row.action)).toEqual(['feature', 'unfeature', 'feature']);
  });

  it('shows the three newest « Coups de cœur », newest first; all stay marked in the thread', async () => {
    const desk = await editor();
    const piece = 'articles/archive-03';
    const writer = await signedIn('Lectrice assidue');
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) ids.push(await write(writer, piece, `Contribution remarquable numéro ${n}.`));
    for (const id of ids) expect((await feature(desk, [id])).status).toBe(200);
    const html = await pageShowing(`/${piece}`, 'numéro 4');
    const strip = /<section aria-labelledby="coups-de-coeur-titre"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const order = [...strip.matchAll(/Contribution remarquable numéro (\d)/g)].map((match) => match[1]);
    expect(order).toEqual(['4', '3', '2']);
    expect((await listed(piece)).filter((comment) => ids.includes(comment.id)).every((comment) => comment.featured)).toBe(true);
  });

  it('refuses to feature a pending, rejected or deleted comment, naming why, and stores nothing', async () => {
    const desk = await editor();
    const pending = await write(new Visitor(), key, 'Encore en attente de modération.');
    const answer = await feature(desk, [pending]);
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({ error: { code: 'not_published', message: expect.stringContaining('en attente de modération') } });
    const published = await write(await signedIn('Autre lecteur'), key, 'Publié, puis rejeté.');
    await desk.post('/api/moderation/comments', { ids: [published], action: 'reject' });
    const both = await feature(desk, [published]);
    expect(both.status).toBe(409);
    expect(both.body).toMatchObject({ error: { message: expect.stringContaining('rejeté') } });
    expect(await query('SELECT id FROM comments WHERE id = ANY($1::uuid[]) AND featured_at IS NOT NULL', [[pending, published]])).toEqual([]);
    expect((await feature(desk, [randomUUID()])).status).toBe(404);
  });

  it('is for editors only: 401 for a visitor, 403 for a reader', async () => {
    const id = await write(await signedIn('Lecteur'), key, 'Un commentaire publié.');
    expect((await feature(new Visitor(), [id])).status).toBe(401);
    expect((await feature(await signedIn('Lecteur bis'), [id])).status).toBe(403);
    expect(await query('SELECT id FROM comments WHERE id = $1 AND featured_at IS NOT NULL', [id])).toEqual([]);
  });
});

/** A page's HTML once it contains `text` (the first request after a write may re-render it), and `until` holds. */
async function pageShowing(path: string, text: string, until: (html: string) => boolean = () => true): Promise<string> {
  const deadline = Date.now() + 5000;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await fetch(`${baseUrl}${path}`)).text();
    if (html.includes(text) && until(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return html;
}
