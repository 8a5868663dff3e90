import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteAccount } from '@/lib/accounts/account-changes';
import { EDITOR_EMAIL, EDITOR_REPLY_TO } from '../setup/global-db';
import { mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { readMails, waitForMail } from '../../fixtures/smtp';

// The desk's tools: a message to a comment's author, a reader's history with editors' notes.
// The moderation tests' piece: none counts its comments.
const PIECE = 'articles/le-ton-juste-sur-les-reseaux';
const NO_ADDRESS = 'Ce commentaire n’a ni e-mail ni compte : la rédaction ne peut pas écrire à son auteur.';

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader'); // an editor by EDITOR_EMAILS
  return visitor;
}

async function write(author: Visitor, body: string, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await author.post(pieceApi(PIECE).comments, { author: 'Camille', body, ...extra });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return (answer.body.comment as { id: string }).id;
}

async function page(visitor: Visitor, path: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${visitor.site}${path}`, { headers: { cookie: [...visitor.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } });
  return { status: response.status, html: await response.text() };
}

const history = async (desk: Visitor, commentId: string) => (await page(desk, `/redaction/lecteurs?commentaire=${commentId}`)).html;
/** The count shown for a status (« Rejeté », « En attente »…) in a history page. */
const countOf = (html: string, label: string) => Number(new RegExp(`>${label}</dt><dd[^>]*>(\\d+)<`).exec(html)?.[1]);
const mailsTo = (email: string) => readMails(mailDir).filter((mail) => mail.to.includes(email));

describe('a message from the desk to a comment’s author', () => {
  it('reaches the author from EMAIL_FROM with the desk’s Reply-To, is logged, and shows in the reader’s history', async () => {
    const email = `auteur-${randomUUID()}@exemple.fr`;
    const id = await write(new Visitor(), 'Un avis un peu vif sur la délégation.', { email });
    const desk = await editor();
    const sent = await desk.post('/api/moderation/messages', { commentId: id, subject: 'À propos de votre commentaire', text: 'Bonjour,\nvotre avis nous intéresse ; pourriez-vous le reformuler sans viser personne ?' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ message: { commentId: id, to: email, subject: 'À propos de votre commentaire' }, decisions: [] });

    const mail = await waitForMail(mailDir, email, (received) => received.subject === 'À propos de votre commentaire');
    expect(mail.headers['reply-to']).toContain(EDITOR_REPLY_TO);
    expect(mail.headers.from).toContain('redaction@placedesreseaux.fr');
    expect(mail.text).toContain('votre avis nous intéresse ; pourriez-vous le reformuler sans viser personne ?');
    expect(mail.text).toContain(`/${PIECE}`);

    const log = (await desk.get('/api/moderation/log')).body.events as { action: string; commentId: string; editor: string; target: string; reason: string }[];
    expect(log.find((event) => event.commentId === id && event.action === 'message')).toMatchObject({ editor: EDITOR_EMAIL, target: email, reason: 'À propos de votre commentaire' });
    expect(await query('SELECT editor, recipient, subject FROM desk_messages WHERE comment_id = $1', [id])).toEqual([{ editor: EDITOR_EMAIL, recipient: email, subject: 'À propos de votre commentaire' }]);

    const html = await history(desk, id);
    expect(html).toContain('À propos de votre commentaire');
    expect(html).toContain('pourriez-vous le reformuler sans viser personne ?');
    expect(html).toContain(`à <bdi>${email}</bdi>`);
  });

  it('writes to the account’s address when the comment gave none', async () => {
    const author = new Visitor();
    const account = `compte-${randomUUID()}@exemple.fr`;
    await signInAs(author, account, 'reader', 'Camille');
    const id = await write(author, 'Écrit depuis mon compte, sans e-mail.');
    const sent = await (await editor()).post('/api/moderation/messages', { commentId: id, subject: 'Votre commentaire', text: 'Merci pour votre contribution.' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ message: { to: account } });
    expect((await waitForMail(mailDir, account, (mail) => mail.subject === 'Votre commentaire')).headers['reply-to']).toContain(EDITOR_REPLY_TO);
  });

  it('« rejeter et écrire à l’auteur »: rejects the comment and sends the message', async () => {
    const email = `rejete-${randomUUID()}@exemple.fr`;
    const id = await write(new Visitor(), 'Un commentaire qui ne passera pas.', { email });
    const desk = await editor();
    const sent = await desk.post('/api/moderation/messages', { commentId: id, subject: 'Commentaire non publié', text: 'Votre commentaire attaquait une personne : il n’est pas publié.', action: 'reject' });
    expect(sent.status).toBe(201);
    expect(sent.body.decisions).toEqual([{ id, action: 'reject' }]);
    expect(await query('SELECT status FROM comments WHERE id = $1', [id])).toEqual([{ status: 'rejected' }]);
    expect((await waitForMail(mailDir, email, (mail) => mail.subject === 'Commentaire non publié')).text).toContain('il n’est pas publié');
    const actions = (await query<{ action: string }>('SELECT action FROM moderation_events WHERE comment_id = $1 ORDER BY created_at', [id])).map((row) => row.action);
    expect(actions).toEqual(['message', 'reject']);
    expect(((await desk.get('/api/moderation/queue')).body.comments as { id: string }[]).some((comment) => comment.id === id)).toBe(false);
  });

  it('refuses bad input with a French 422 naming the field, an unknown comment with 404, and stores or sends nothing', async () => {
    const email = `refus-${randomUUID()}@exemple.fr`;
    const id = await write(new Visitor(), 'Un commentaire pour les refus.', { email });
    const desk = await editor();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ commentId: id, subject: '', text: 'Bonjour' }, 'subject', /objet.*vide/i],
      [{ commentId: id, subject: '   ', text: 'Bonjour' }, 'subject', /objet.*vide/i],
      [{ commentId: id, subject: 'x'.repeat(151), text: 'Bonjour' }, 'subject', /150 caractères/],
      [{ commentId: id, subject: 'Ligne\nBcc: autre@exemple.fr', text: 'Bonjour' }, 'subject', /une ligne/],
      [{ commentId: id, text: 'Bonjour' }, 'subject', /objet/i],
      [{ commentId: id, subject: 'Objet', text: '' }, 'text', /texte.*vide/i],
      [{ commentId: id, subject: 'Objet', text: 'x'.repeat(5001) }, 'text', /5\s000 caractères/],
      [{ commentId: id, subject: 'Objet', text: 'Bonjour', action: 'feature' }, 'action', /reject, delete, spam ou approve/],
      [{ commentId: 'pas-un-id', subject: 'Objet', text: 'Bonjour' }, 'commentId', /commentaire/],
      [{ commentId: id, subject: 'Objet', text: 'Bonjour', cc: 'x@exemple.fr' }, 'cc', /n’est pas attendu/],
    ];
    for (const [body, field, message] of cases) {
      const answer = await desk.post('/api/moderation/messages', body);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(422);
      expect(answer.body).toMatchObject({ error: { code: 'validation_failed', field } });
      expect((answer.body.error as { message: string }).message).toMatch(message);
    }
    const unknown = await desk.post('/api/moderation/messages', { commentId: randomUUID(), subject: 'Objet', text: 'Bonjour' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'comment_not_found' } });

    const silent = await write(new Visitor(), 'Sans e-mail ni compte.', {});
    const nowhere = await desk.post('/api/moderation/messages', { commentId: silent, subject: 'Objet', text: 'Bonjour', action: 'reject' });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body).toEqual({ error: { code: 'validation_failed', message: NO_ADDRESS, field: 'commentId' } });
    expect(await query('SELECT status FROM comments WHERE id = $1', [silent])).toEqual([{ status: 'pending' }]);

    expect(await query('SELECT 1 FROM desk_messages WHERE comment_id = ANY($1::uuid[])', [[id, silent]])).toEqual([]);
    expect(await query("SELECT 1 FROM moderation_events WHERE comment_id = ANY($1::uuid[]) AND action = 'message'", [[id, silent]])).toEqual([]);
    expect(mailsTo(email)).toEqual([]);
  });

  it('is for editors only, from the site itself', async () => {
    const id = await write(new Visitor(), 'Pour les droits.', { email: `droits-${randomUUID()}@exemple.fr` });
    const body = { commentId: id, subject: 'Objet', text: 'Bonjour' };
    expect((await new Visitor().post('/api/moderation/messages', body)).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    expect((await reader.post('/api/moderation/messages', body)).body).toMatchObject({ error: { code: 'not_editor' } });
    expect((await reader.post('/api/moderation/notes', { commentId: id, text: 'Note' })).status).toBe(403);
    const foreign = await (await editor()).send('POST', '/api/moderation/messages', body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ error: { code: 'forbidden_origin' } });
    expect(await query('SELECT 1 FROM desk_messages WHERE comment_id = $1', [id])).toEqual([]);
  });
});

describe('a reader’s history', () => {
  it('lists the comments of the same browser, email (whatever its case) and account, their bans, messages and notes', async () => {
    const email = `Lecteur.${randomUUID()}@Exemple.fr`;
    const browser = new Visitor();
    const first = await write(browser, 'Premier commentaire, avec e-mail.', { email });
    const sameBrowser = await write(browser, 'Deuxième, même navigateur, sans e-mail.');
    const sameEmail = await write(new Visitor(), 'Troisième, autre navigateur, même e-mail en minuscules.', { email: email.toLowerCase() });
    const stranger = await write(new Visitor(), 'Un autre lecteur, qui n’a rien à voir.', { email: `autre-${randomUUID()}@exemple.fr` });
    const signedIn = new Visitor();
    await signInAs(signedIn, email.toLowerCase(), 'reader', 'Camille'); // an account's comments carry its email
    const fromAccount = await write(signedIn, 'Quatrième, depuis un compte, même e-mail.');
    const otherDevice = new Visitor();
    otherDevice.cookies.set('next-auth.session-token', signedIn.cookies.get('next-auth.session-token') ?? '');
    const sameAccount = await write(otherDevice, 'Cinquième, le même compte sur un autre appareil.');

    const desk = await editor();
    expect((await desk.post('/api/moderation/comments', { ids: [sameEmail], action: 'reject' })).status).toBe(200);
    expect((await desk.post('/api/moderation/bans', { commentId: sameEmail, kind: 'email', reason: 'Propos répétés contre un invité' })).status).toBe(201);
    expect((await desk.post('/api/moderation/messages', { commentId: first, subject: 'Un mot de la rédaction', text: 'Merci de garder un ton courtois.' })).status).toBe(201);
    const note = await desk.post('/api/moderation/notes', { commentId: sameBrowser, text: 'Lecteur de bonne foi, à recontacter avant toute décision.' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ note: { editor: EDITOR_EMAIL, text: 'Lecteur de bonne foi, à recontacter avant toute décision.' } });
    expect((await desk.post('/api/moderation/notes', { commentId: sameAccount, text: 'Compte vérifié par téléphone.' })).status).toBe(201);

    // From the first comment: its browser and its email (the others' case does not matter).
    const html = await history(desk, first);
    // (The account's comments carry its email, the same: both are the same reader's.)
    for (const text of ['Premier commentaire, avec e-mail.', 'Deuxième, même navigateur, sans e-mail.', 'Troisième, autre navigateur, même e-mail en minuscules.', 'Quatrième, depuis un compte, même e-mail.', 'Cinquième, le même compte sur un autre appareil.']) expect(html).toContain(text);
    expect(html).not.toContain('Un autre lecteur, qui n’a rien à voir.');
    expect(/Commentaires <span[^>]*>\((\d+)\)<\/span>/.exec(html)?.[1]).toBe('5');
    expect(countOf(html, 'Rejeté')).toBe(1);
    expect(countOf(html, 'En attente') + countOf(html, 'Publié')).toBe(4);
    expect(html).toContain('Propos répétés contre un invité');
    expect(html).toContain('En cours.');
    expect(html).toContain('Un mot de la rédaction');
    expect(html).toContain('Lecteur de bonne foi, à recontacter avant toute décision.');
    expect(html).toContain(`<bdi>${EDITOR_EMAIL}</bdi>, le `);
    expect(html).toContain(`href="/${PIECE}"`);

    // From the account's comment: the same account on another device, the same email, the ban by email and the message.
    const account = await history(desk, fromAccount);
    for (const text of ['Cinquième, le même compte sur un autre appareil.', 'Premier commentaire, avec e-mail.', 'Troisième, autre navigateur, même e-mail en minuscules.', 'Propos répétés contre un invité', 'Un mot de la rédaction', 'Compte vérifié par téléphone.']) expect(account).toContain(text);
    expect(account).not.toContain('Un autre lecteur, qui n’a rien à voir.');
    expect(await history(desk, stranger)).not.toContain('Premier commentaire, avec e-mail.');
  });

  it('is for editors only: 401, 403 for a reader; an unknown comment has no history', async () => {
    const id = await write(new Visitor(), 'Un commentaire dont on regarde l’historique.');
    expect((await page(new Visitor(), `/redaction/lecteurs?commentaire=${id}`)).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `curieux-${randomUUID()}@exemple.fr`);
    const refused = await page(reader, `/redaction/lecteurs?commentaire=${id}`);
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('Un commentaire dont on regarde l’historique.');
    const desk = await editor();
    expect((await page(desk, `/redaction/lecteurs?commentaire=${id}`)).html).toContain('Un commentaire dont on regarde l’historique.');
    // Not a 404: Next 16.4 with cacheComponents answers notFound() in a dynamic page with a 200 and an empty page.
    for (const unknown of [randomUUID(), 'pas-un-id']) expect((await page(desk, `/redaction/lecteurs?commentaire=${unknown}`)).html).toContain('Ce commentaire n’existe pas (ou plus) : pas d’historique à montrer.');
  });

  it('forgets a deleted account: its notes are erased, the desk’s messages to it kept for nobody', async () => {
    const author = new Visitor();
    const email = `partant-${randomUUID()}@exemple.fr`;
    const userId = await signInAs(author, email, 'reader', 'Partant');
    const id = await write(author, 'Un commentaire avant de partir.');
    const desk = await editor();
    expect((await desk.post('/api/moderation/notes', { commentId: id, text: 'Note sur un lecteur qui partira.' })).status).toBe(201);
    expect((await desk.post('/api/moderation/messages', { commentId: id, subject: 'Avant votre départ', text: 'Bonjour.' })).status).toBe(201);
    await deleteAccount(userId);
    expect(await query('SELECT 1 FROM reader_notes WHERE comment_id = $1', [id])).toEqual([]);
    expect(await query('SELECT recipient, user_id, email_key FROM desk_messages WHERE comment_id = $1', [id])).toEqual([{ recipient: 'Lecteur supprimé', user_id: null, email_key: null }]);
    expect(await history(desk, id)).not.toContain(email);
  });

  it('refuses an empty or too long note with a 422 naming the field', async () => {
    const id = await write(new Visitor(), 'Pour les notes refusées.');
    const desk = await editor();
    for (const [text, message] of [['', /vide/], ['x'.repeat(2001), /2\s000 caractères/]] as const) {
      const answer = await desk.post('/api/moderation/notes', { commentId: id, text });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ error: { field: 'text', message: expect.stringMatching(message) } });
    }
    expect((await desk.post('/api/moderation/notes', { commentId: randomUUID(), text: 'Note' })).status).toBe(404);
    expect(await query('SELECT 1 FROM reader_notes WHERE comment_id = $1', [id])).toEqual([]);
  });
});

describe('the desk’s forms', () => {
  it('name their page as action (never an empty one), and the queue shows its tools', async () => {
    await write(new Visitor(), 'Un commentaire en attente, pour la file.', { email: `file-${randomUUID()}@exemple.fr` });
    const desk = await editor();
    const { html } = await page(desk, '/redaction');
    expect(html).not.toMatch(/<form[^>]*action=""/);
    expect(html).toMatch(/<form[^>]*action="\/redaction"/);
    for (const text of ['Raccourcis clavier', 'Écrire à l’auteur', 'Historique du lecteur', 'Motif (charte)', 'Article 3 — Pas d’attaque personnelle', 'Durée', 'définitive']) expect(html).toContain(text);
    for (const [path, action] of [['/redaction/commentaires', '/redaction/commentaires'], ['/redaction/bannis', '/redaction/bannis'], ['/redaction/contenus', '/redaction/contenus'], ['/redaction/lettre', '/redaction/lettre']]) {
      const other = (await page(desk, path ?? '')).html;
      expect(other, path).not.toMatch(/<form[^>]*action=""/);
      expect(other, path).toMatch(new RegExp(`<form[^>]*action="${action}"`));
    }
  });
});

describe('the API’s description', () => {
  it('documents the desk’s message and note, with the limits the handlers apply', async () => {
    const { body } = await new Visitor().get('/api/openapi.json');
    const paths = body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/moderation/messages'] ?? {})).toEqual(['post']);
    expect(Object.keys(paths['/api/moderation/notes'] ?? {})).toEqual(['post']);
    const schemas = (body.components as { schemas: Record<string, { properties: Record<string, Record<string, unknown>>; required?: string[] }> }).schemas;
    expect(schemas.DeskMessageInput?.properties.subject).toMatchObject({ minLength: 1, maxLength: 150 });
    expect(schemas.DeskMessageInput?.properties.text).toMatchObject({ minLength: 1, maxLength: 5000 });
    expect(schemas.DeskMessageInput?.properties.action).toMatchObject({ enum: ['reject', 'delete', 'spam', 'approve'] });
    expect(schemas.DeskMessageInput?.required).toEqual(['commentId', 'subject', 'text']);
    expect(schemas.ReaderNoteInput?.properties.text).toMatchObject({ maxLength: 2000 });
  });
});
