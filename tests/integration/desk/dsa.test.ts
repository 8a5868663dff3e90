import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EDITOR_EMAIL, EDITOR_REPLY_TO } from '../setup/global-db';
import { baseUrl, mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { readMails, waitForMail, type ReceivedMail } from '../../fixtures/smtp';

// The EU Digital Services Act at the desk: a notice of illegal content (art. 16) from the API to
// the notifier's e-mails, the statement of reasons (art. 17) an author receives for a removal,
// the refusals that store nothing, and /transparence against a scripted quarter.
const PIECE = 'articles/un-creneau-par-jour-puis-mesurer';

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader');
  return visitor;
}

/** A comment the desk has approved (the test server pre-moderates). */
async function publishedComment(body: string, author: { email?: string; visitor?: Visitor } = {}): Promise<string> {
  const writer = author.visitor ?? new Visitor();
  const answer = await writer.post(pieceApi(PIECE).comments, { author: 'Invité', body, ...(author.email && { email: author.email }) });
  expect(answer.status).toBe(201);
  const id = (answer.body.comment as { id: string }).id;
  expect((await (await editor()).post('/api/moderation/comments', { ids: [id], action: 'approve' })).status).toBe(200);
  return id;
}

const notice = (overrides: Record<string, unknown> = {}) => ({
  ground: 'defamation',
  explanation: 'Ce commentaire affirme que je détourne des fonds, ce qui est faux et porte atteinte à mon honneur.',
  name: 'Camille Durand',
  email: `camille-${randomUUID()}@exemple.fr`,
  goodFaith: true,
  ...overrides,
});

const noticesOf = async (commentId: string) => (await query<{ n: number }>('SELECT count(*)::int AS n FROM notices WHERE comment_id = $1', [commentId]))[0]?.n;
const replyTo = (mail: ReceivedMail) => mail.headers['reply-to'] ?? '';

describe('a notice of illegal content (DSA art. 16)', () => {
  it('is acknowledged with its reference, shown first at the desk, decided, and the notifier told the decision and their redress', async () => {
    const authorEmail = `auteur-${randomUUID()}@exemple.fr`;
    const id = await publishedComment('Machin détourne les fonds de son association, tout le monde le sait.', { email: authorEmail });
    const input = notice();
    const sent = await new Visitor().post(`/api/comments/${id}/notices`, input);
    expect(sent.status).toBe(201);
    const { reference } = sent.body.notice as { reference: string };
    expect(reference).toMatch(/^DSA-\d{4}-[0-9A-HJKMNP-TV-Z]{5}$/);

    const acknowledgement = await waitForMail(mailDir, input.email, (mail) => mail.text.includes(reference));
    expect(acknowledgement.subject).toContain(reference);
    expect(acknowledgement.text).toContain('Injure ou diffamation');
    expect(acknowledgement.text).toContain(`#commentaire-${id}`);
    expect(replyTo(acknowledgement)).toContain(EDITOR_REPLY_TO);
    // Stored as a notice, not as a quick report, and logged at reception.
    expect(await query('SELECT 1 FROM reports WHERE comment_id = $1', [id])).toHaveLength(0);
    const [received] = await query<{ notice_id: string; target: string }>("SELECT notice_id, target FROM moderation_events WHERE action = 'notice' AND comment_id = $1", [id]);
    expect(received?.target).toBe(reference);

    const desk = await editor();
    const open = (await desk.get('/api/moderation/notices')).body.notices as { id: string; reference: string; ground: string; explanation: string; notifier: { name: string } }[];
    const listed = open.find((candidate) => candidate.reference === reference);
    expect(listed).toMatchObject({ id: received?.notice_id, ground: 'defamation', explanation: input.explanation, notifier: { name: 'Camille Durand' } });
    const page = await (await fetch(`${baseUrl}/redaction`, { headers: { cookie: [...desk.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })).text();
    expect(page).toContain('Notifications DSA');
    expect(page).toContain(`Notification DSA ${reference}`);

    const decided = await desk.post(`/api/moderation/notices/${listed?.id}/decision`, { decision: 'illegal', explanation: 'Allégation d’un délit sans aucun élément : diffamation.' });
    expect(decided.status).toBe(200);
    expect(decided.body.decision).toMatchObject({ reference, decision: 'illegal' });
    const told = await waitForMail(mailDir, input.email, (mail) => mail.subject.includes('Décision'));
    expect(told.text).toContain(reference);
    expect(told.text).toContain('Contenu illicite');
    expect(told.text).toContain('Allégation d’un délit sans aucun élément : diffamation.');
    expect(told.text).toContain('répondez simplement à cet e-mail');
    expect(told.text).toContain('une personne de la rédaction');
    expect(told.text).toContain('article 21 du règlement sur les services numériques');
    expect(told.text).toContain('tribunal judiciaire');
    expect(replyTo(told)).toContain(EDITOR_REPLY_TO);

    // The comment is gone from the piece; the author gets a statement that names the notice, not the notifier.
    expect((await query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [id]))[0]?.status).toBe('deleted');
    expect(JSON.stringify((await new Visitor().get(pieceApi(PIECE).comments)).body)).not.toContain('détourne les fonds');
    const statement = await waitForMail(mailDir, authorEmail);
    expect(statement.text).toContain(`notification de contenu illicite reçue le`);
    expect(statement.text).toContain(reference);
    expect(statement.text).not.toContain('Camille Durand');
    expect(statement.text).not.toContain(input.email);
    expect(statement.text).toContain('article 29 de la loi du 29 juillet 1881 sur la liberté de la presse');
    // Logged with the notice linked, once.
    const [logged] = await query<{ notice_id: string; target: string }>("SELECT notice_id, target FROM moderation_events WHERE action = 'notice_decision' AND comment_id = $1", [id]);
    expect(logged).toEqual({ notice_id: received?.notice_id, target: 'illegal' });
    expect(((await desk.get('/api/moderation/notices')).body.notices as { reference: string }[]).some((candidate) => candidate.reference === reference)).toBe(false);
    const again = await desk.post(`/api/moderation/notices/${listed?.id}/decision`, { decision: 'none', explanation: 'Deuxième avis.' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'already_decided' } });
  });

  it('with « aucune action » leaves the comment and tells the notifier why', async () => {
    const id = await publishedComment('Je ne suis pas d’accord avec cet article, il simplifie trop.');
    const input = notice({ ground: 'other', explanation: 'Je trouve ce commentaire injuste.' });
    expect((await new Visitor().post(`/api/comments/${id}/notices`, input)).status).toBe(201);
    const desk = await editor();
    const listed = ((await desk.get('/api/moderation/notices')).body.notices as { id: string; commentId: string }[]).find((candidate) => candidate.commentId === id);
    expect((await desk.post(`/api/moderation/notices/${listed?.id}/decision`, { decision: 'none', explanation: 'Une critique de l’article, ni illicite ni contraire à la charte.' })).status).toBe(200);
    const told = await waitForMail(mailDir, input.email, (mail) => mail.subject.includes('Décision'));
    expect(told.text).toContain('Aucune action');
    expect(told.text).toContain('le commentaire reste en ligne');
    expect((await query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [id]))[0]?.status).toBe('published');
  });

  it('decisions are for editors only, from this site', async () => {
    const path = `/api/moderation/notices/${randomUUID()}/decision`;
    expect((await new Visitor().post(path, { decision: 'none', explanation: 'x' })).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    expect((await reader.post(path, { decision: 'none', explanation: 'x' })).status).toBe(403);
    expect((await reader.get('/api/moderation/notices')).status).toBe(403);
    expect((await new Visitor().get('/api/moderation/notices')).status).toBe(401);
    const desk = await editor();
    expect((await desk.send('POST', path, { decision: 'none', explanation: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await desk.post(path, { decision: 'none', explanation: 'x' })).status).toBe(404);
    const bad = await desk.post(path, { decision: 'peut-être', explanation: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { field: 'decision' } });
    expect(((await desk.post(path, { decision: 'none', explanation: '' })).body.error as { field: string }).field).toBe('explanation');
    expect(((await desk.post(path, { decision: 'none', explanation: 'x'.repeat(1001) })).body.error as { field: string }).field).toBe('explanation');
  });

  it.each([
    ['explanation', { explanation: '' }],
    ['explanation', { explanation: '   ' }],
    ['explanation', { explanation: 'x'.repeat(2001) }],
    ['goodFaith', { goodFaith: false }],
    ['goodFaith', { goodFaith: undefined }],
    ['ground', { ground: 'rumeur' }],
    ['email', { email: 'pas-une-adresse' }],
    ['name', { name: '' }],
  ])('refuses a notice with a bad %s (422 in French, nothing stored)', async (field, overrides) => {
    const id = await publishedComment(`Un commentaire tout à fait ordinaire ${randomUUID()}.`);
    const answer = await new Visitor().post(`/api/comments/${id}/notices`, notice(overrides));
    expect(answer.status).toBe(422);
    const error = answer.body.error as { code: string; field: string; message: string };
    expect(error).toMatchObject({ code: 'validation_failed', field });
    expect(error.message).toMatch(/[éèàù’]|Indiquez|Cochez|Choisissez|Expliquez/);
    expect(await noticesOf(id)).toBe(0);
  });

  it('works without JavaScript: the form posts to /signalement/envoi and comes back with its reference, or the field to correct', async () => {
    const id = await publishedComment('Un commentaire signalé depuis un navigateur sans JavaScript.');
    const form = (fields: Record<string, string>) =>
      fetch(`${baseUrl}/signalement/envoi`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl, 'x-forwarded-for': '198.18.3.3' }, body: new URLSearchParams(fields).toString() });
    const fields = { commentaire: id, ground: 'hate', explanation: 'Un appel à la violence contre un groupe.', name: 'Lou', email: 'lou@exemple.fr', goodFaith: 'on' };
    const refused = await form({ ...fields, goodFaith: '' });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(`/signalement?commentaire=${id}&erreur=goodFaith#resultat`);
    expect(await noticesOf(id)).toBe(0);
    const page = await (await fetch(`${baseUrl}/signalement?commentaire=${id}&erreur=goodFaith`)).text();
    expect(page).toContain('Cochez la déclaration de bonne foi');
    const sent = await form(fields);
    expect(sent.status).toBe(303);
    const reference = /reference=(DSA-\d{4}-[0-9A-Z]{5})/.exec(sent.headers.get('location') ?? '')?.[1];
    expect(reference).toBeDefined();
    expect(await noticesOf(id)).toBe(1);
    const answer = await (await fetch(`${baseUrl}${sent.headers.get('location') ?? ''}`)).text();
    expect(answer).toContain(`enregistrée sous la référence ${reference}`);
    // A reference that is not this comment's is not confirmed.
    expect(await (await fetch(`${baseUrl}/signalement?commentaire=${id}&reference=DSA-2026-AAAAA`)).text()).not.toContain('enregistrée sous la référence');
  });

  it('answers 404 for a comment that is not published, and stores nothing', async () => {
    const pending = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Invité', body: 'En attente de la rédaction.' });
    const id = (pending.body.comment as { id: string }).id;
    const answer = await new Visitor().post(`/api/comments/${id}/notices`, notice());
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'comment_not_found' } });
    expect(await noticesOf(id)).toBe(0);
    expect((await new Visitor().post(`/api/comments/${randomUUID()}/notices`, notice())).status).toBe(404);
    const form = await fetch(`${baseUrl}/signalement?commentaire=${id}`);
    expect(form.status).toBe(404);
    expect(await form.text()).toContain('Page introuvable');
  });
});

describe('a statement of reasons (DSA art. 17)', () => {
  it('tells the author of a removed comment every element of article 17(3), at their account’s address', async () => {
    const account = `membre-${randomUUID()}@exemple.fr`;
    const writer = new Visitor();
    await signInAs(writer, account, 'reader', 'Dominique');
    const id = await publishedComment('Franchement, l’auteur de cet article est un incapable notoire.', { visitor: writer });
    const desk = await editor();
    const decided = await desk.post('/api/moderation/comments', { ids: [id], action: 'reject', ground: 'attaque', reason: 'Le commentaire vise l’auteur plutôt que ses idées.' });
    expect(decided.body).toEqual({ decisions: [{ id, action: 'reject' }] });
    const mail = await waitForMail(mailDir, account);
    const text = mail.text;
    expect(replyTo(mail)).toContain(EDITOR_REPLY_TO);
    // (a) the measure, its duration, its territorial scope
    expect(text).toContain('La mesure : retrait de votre commentaire');
    expect(text).toMatch(/Durée : définitive/);
    expect(text).toContain('Portée territoriale : le monde entier');
    // (b) the facts and circumstances, and that the desk acted of its own initiative
    expect(text).toContain('l’auteur de cet article est un incapable notoire');
    expect(text).toContain(`/${PIECE}`);
    expect(text).toContain('de sa propre initiative, sans notification');
    // (c) automated means: none here
    expect(text).toContain('Aucun moyen automatisé n’a servi à repérer ce commentaire');
    expect(text).toContain('La décision a été prise par un membre de la rédaction');
    // (d) the ground, and why
    expect(text).toContain('article 3 de la charte des commentaires (Pas d’attaque personnelle)');
    expect(text).toContain('Pourquoi : Le commentaire vise l’auteur plutôt que ses idées.');
    // (e) redress
    expect(text).toContain('répondez simplement à cet e-mail');
    expect(text).toContain('une personne de la rédaction (pas un automate) réexaminera la décision');
    expect(text).toContain('règlement extrajudiciaire des litiges');
    expect(text).toContain('tribunal judiciaire');
    // Logged, text and all, beside the decision.
    const [kept] = await query<{ measure: string; recipient: string; sent_by: string; text: string }>('SELECT measure, recipient, sent_by, text FROM statements WHERE comment_id = $1', [id]);
    expect(kept).toMatchObject({ measure: 'removal', recipient: account, sent_by: EDITOR_EMAIL });
    expect(kept?.text).toBe(text.trim());
  });

  it('says « refus de publication » for a pending comment, and sends nothing for spam', async () => {
    const email = `lecteur-${randomUUID()}@exemple.fr`;
    const writer = new Visitor();
    const spam = (await writer.post(pieceApi(PIECE).comments, { author: 'Promo', email, body: 'Achetez des abonnés pas chers sur mon site !' })).body.comment as { id: string };
    const refused = (await writer.post(pieceApi(PIECE).comments, { author: 'Promo', email, body: 'Vous êtes tous des idiots.' })).body.comment as { id: string };
    const desk = await editor();
    await desk.post('/api/moderation/comments', { ids: [spam.id], action: 'spam' });
    await desk.post('/api/moderation/comments', { ids: [refused.id], action: 'reject' });
    const mail = await waitForMail(mailDir, email);
    expect(mail.text).toContain('La mesure : refus de publication de votre commentaire');
    expect(mail.text).toContain('article 1 de la charte des commentaires (La courtoisie)');
    expect(await query('SELECT 1 FROM statements WHERE comment_id = $1', [spam.id])).toHaveLength(0);
    expect(readMails(mailDir).filter((received) => received.to.includes(email))).toHaveLength(1);
  });

  it('refuses an unknown charte article (422 naming « ground »)', async () => {
    const answer = await (await editor()).post('/api/moderation/comments', { ids: [randomUUID()], action: 'reject', ground: 'politesse' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { field: 'ground' } });
  });
});

describe('/transparence', () => {
  /** The figure a row of the page shows, by its label. */
  const figure = (page: string, label: string) => new RegExp(`>${label}</th><td[^>]*>([^<]+)</td>`).exec(page)?.[1];

  it('shows the counts of a scripted quarter, from the audit log', async () => {
    // A quarter of the past that no other test writes in: each entry is dated inside it.
    const at = (day: number, hour = 10) => `2019-05-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:00:00+02`;
    const notices = [
      { ground: 'defamation', received: at(2, 8), decided: at(2, 9), decision: 'illegal' },
      { ground: 'defamation', received: at(3, 8), decided: at(3, 11), decision: 'charter' },
      { ground: 'hate', received: at(4, 8), decided: at(4, 13), decision: 'none' },
      { ground: 'privacy', received: at(5, 8), decided: null, decision: null },
    ];
    for (const scripted of notices) {
      const noticeId = randomUUID();
      const commentId = randomUUID();
      await query("INSERT INTO moderation_events (editor, action, comment_id, target, reason, notice_id, created_at) VALUES ('notification DSA', 'notice', $1, 'DSA-2019-TEST', $2, $3, $4)", [commentId, scripted.ground, noticeId, scripted.received]);
      if (!scripted.decided) continue;
      await query("INSERT INTO moderation_events (editor, action, comment_id, target, notice_id, created_at) VALUES ($1, 'notice_decision', $2, $3, $4, $5)", [EDITOR_EMAIL, commentId, scripted.decision, noticeId, scripted.decided]);
      // The removal that carries out a decision is not the desk's own initiative.
      if (scripted.decision !== 'none') await query("INSERT INTO moderation_events (editor, action, comment_id, created_at) VALUES ($1, $2, $3, $4)", [EDITOR_EMAIL, scripted.decision === 'illegal' ? 'delete' : 'reject', commentId, scripted.decided]);
    }
    const log = (action: string, day: number, extra: Record<string, string | null> = {}) =>
      query('INSERT INTO moderation_events (editor, action, comment_id, target, created_at) VALUES ($1, $2, $3, $4, $5)', [extra.editor ?? EDITOR_EMAIL, action, randomUUID(), extra.target ?? null, at(day)]);
    await log('reject', 10);
    await log('delete', 11);
    await log('reject', 12);
    await log('spam', 12);
    await log('approve', 12);
    for (const day of [13, 14, 15]) await log('auto_hold', day, { editor: '', target: 'arnaque' });
    await log('auto_reject', 16, { editor: '', target: 'escroc' });
    await log('ban', 17);
    await log('ban', 18);
    // Outside the quarter: not counted.
    await query("INSERT INTO moderation_events (editor, action, comment_id, created_at) VALUES ($1, 'reject', $2, '2019-07-01 00:30:00+02')", [EDITOR_EMAIL, randomUUID()]);
    await query("INSERT INTO moderation_events (editor, action, comment_id, reason, created_at) VALUES ('notification DSA', 'notice', $1, 'hate', '2019-03-31 23:30:00+02')", [randomUUID()]);

    const response = await fetch(`${baseUrl}/transparence?trimestre=2019-2`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('2e trimestre 2019');
    expect(page).toContain('Notifications de contenus illicites reçues (4)');
    expect(figure(page, 'Injure ou diffamation')).toBe('2');
    expect(figure(page, 'Incitation à la haine ou à la violence')).toBe('1');
    expect(figure(page, 'Atteinte à la vie privée')).toBe('1');
    expect(figure(page, 'Contrefaçon')).toBe('0');
    expect(figure(page, 'Contenu illicite')).toBe('1');
    expect(figure(page, 'Contraire à la charte')).toBe('1');
    expect(figure(page, 'Aucune action')).toBe('1');
    // 1 h, 3 h and 5 h: the median is 3 h.
    expect(figure(page, 'Délai médian entre la réception et la décision')).toBe('3 h');
    expect(figure(page, 'Commentaires refusés ou retirés à l’initiative de la rédaction')).toBe('3');
    expect(figure(page, 'Commentaires retenus pour relecture par les listes de mots \\(automatique\\)')).toBe('3');
    expect(figure(page, 'Commentaires refusés par les listes de mots \\(automatique\\)')).toBe('1');
    expect(figure(page, 'Bannissements définitifs')).toBe('2');
    expect(figure(page, 'Suspensions de 24 heures')).toBe('0');
  });

  it('counts a notice received now in the current quarter', async () => {
    const now = async () => {
      const response = await fetch(`${baseUrl}/transparence`);
      expect(response.status).toBe(200);
      return response.text();
    };
    const before = Number(figure(await now(), 'Contrefaçon'));
    expect(before).toBeGreaterThanOrEqual(0);
    const id = await publishedComment('Voici le texte intégral du livre de Untel, copié ici.');
    expect((await new Visitor().post(`/api/comments/${id}/notices`, notice({ ground: 'counterfeit' }))).status).toBe(201);
    expect(Number(figure(await now(), 'Contrefaçon'))).toBe(before + 1);
  });
});
