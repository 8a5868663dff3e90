import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_EMAIL, TEST_SECRET } from '../setup/global-db';
import { databaseUrl, mailDir, pieceApi, query, signInAs, Visitor } from '../setup/helpers';
import { waitForMail } from '../../fixtures/smtp';
import { freePort, NEXT_BIN, startServer, type RunningServer } from '../setup/next-server';
import { createComment } from '@/lib/readers/comments';

// The word lists « refusés » and « à vérifier »: set through the API, matched by PostgreSQL in the
// comment's own statement. The lists are the database's: this file leaves them empty.

const PIECE = 'articles/le-ton-juste-sur-les-reseaux';
const REFUSED = ['escroc', 'Arnaqueur', 'abruti', 'con', 'grand méchant loup', 'Jalapeño', 'cheval', 'œuvre d’art', 'peut-être', 'fils de pub'];
const REVIEW = ['bébé', 'concurrent déloyal'];

async function editor(): Promise<Visitor> {
  const visitor = new Visitor();
  await signInAs(visitor, EDITOR_EMAIL, 'reader');
  return visitor;
}

async function matched(author: string, body: string): Promise<string | null> {
  const [row] = await query<{ list: string; term: string }>('SELECT list, term FROM comment_word_match($1, $2)', [author, body]);
  return row ? `${row.list}:${row.term}` : null;
}

let desk: Visitor;
beforeAll(async () => {
  desk = await editor();
  const saved = await desk.put('/api/moderation/words', { refused: REFUSED, review: REVIEW });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  expect((await desk.put('/api/moderation/words', { refused: [], review: [] })).status).toBe(200);
});

describe('matching a listed term', () => {
  // [text, the term that holds it or null]: both ways.
  const CASES: [string, string | null][] = [
    // Case and accents, both ways.
    ['Quel ESCROC !', 'refused:escroc'],
    ['Escroc.', 'refused:escroc'],
    ['un éscröc', 'refused:escroc'],
    ['jalapeno', 'refused:Jalapeño'],
    ['JALAPEÑO', 'refused:Jalapeño'],
    ['Des jalapeños', 'refused:Jalapeño'],
    ['un arnaqueur', 'refused:Arnaqueur'],
    ['Bebe', 'review:bébé'],
    ['BÉBÉS', 'review:bébé'],
    // Ligatures.
    ['une oeuvre d’art', 'refused:œuvre d’art'],
    ['des ŒUVRES D’ART', 'refused:œuvre d’art'],
    // French elisions, straight and curly apostrophes.
    ['C’est l’escroc du coin', 'refused:escroc'],
    ["C'est l'escroc du coin", 'refused:escroc'],
    ['Un tour d’arnaqueur', 'refused:Arnaqueur'],
    ["Espèce d'arnaqueurs", 'refused:Arnaqueur'],
    ['Quel qu’abruti', 'refused:abruti'],
    ["jusqu'abruti", 'refused:abruti'],
    // Plurals in -s, -x and -aux.
    ['Tous des escrocs', 'refused:escroc'],
    ['Des abrutis', 'refused:abruti'],
    ['Quels cons', 'refused:con'],
    ['Des chevaux', 'refused:cheval'],
    ['Un cheval', 'refused:cheval'],
    // Phrases across punctuation and several spaces.
    ['Le grand méchant loup', 'refused:grand méchant loup'],
    ['grand, méchant   loup', 'refused:grand méchant loup'],
    ['grand…\nméchant — loup', 'refused:grand méchant loup'],
    ['Les grands méchants loups', 'refused:grand méchant loup'],
    ['peut-être', 'refused:peut-être'],
    ['peut être', 'refused:peut-être'],
    ['Un concurrent   déloyal', 'review:concurrent déloyal'],
    // Words around, and ponctuation glued to the word.
    ['(con)', 'refused:con'],
    ['«con»', 'refused:con'],
    ['con!', 'refused:con'],
    // Never inside a longer word.
    ['Le concours de pitch', null],
    ['En second lieu', null],
    ['Une conférence', null],
    ['Escroquerie avérée', null],
    ['Les arnaqueuses', null],
    ['abrutissant', null],
    ['Chevalier servant', null],
    ['bébéphone', null],
    ['Deconne pas', null],
    // A phrase is its words in order, all of them.
    ['grand loup méchant', null],
    ['le grand méchant', null],
    ['méchant loup', null],
    ['concurrent loyal', null],
    ['peut', null],
    ['une œuvre, pas d’art', null],
    // Nothing listed.
    ['Merci pour cet entretien, très utile.', null],
    ['', null],
  ];

  it.each(CASES)('%j → %s', async (text, term) => {
    expect(await matched('Lecteur', text)).toBe(term);
  });

  it('reads the name too, but never a phrase from the name into the text', async () => {
    expect(await matched('Le Grand Escroc', 'Bonjour à tous')).toBe('refused:escroc');
    expect(await matched('grand méchant', 'loup, voici mon avis')).toBeNull();
  });

  it('prefers « refusés » when a text holds terms of both lists', async () => {
    expect(await matched('Lecteur', 'Ce bébé est un escroc')).toBe('refused:escroc');
  });
});

describe('the lists through the API', () => {
  it('gives them back in order, terms of the same words once, and logs the change', async () => {
    const answer = await desk.get('/api/moderation/words');
    expect(answer.status).toBe(200);
    expect(answer.body.refused).toEqual([...REFUSED].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(answer.body.review).toEqual(['bébé', 'concurrent déloyal']);
    const again = await desk.put('/api/moderation/words', { review: ['bébé', 'BEBE', ' Bébé '] });
    expect(again.body.review).toHaveLength(1);
    expect(again.body.refused).toHaveLength(REFUSED.length);
    expect((await desk.put('/api/moderation/words', { review: REVIEW })).status).toBe(200);
    const [event] = await query<{ action: string; reason: string }>("SELECT action, reason FROM moderation_events WHERE action = 'words' ORDER BY created_at DESC LIMIT 1");
    expect(event).toEqual({ action: 'words', reason: `Refusés : ${REFUSED.length} termes ; à vérifier : 2 termes` });
  });

  it.each([
    [{ refused: ['escroc', '!!!'] }, 'refused.1', '« !!! » n’est fait que de ponctuation'],
    [{ review: ['…', 'x'] }, 'review.0', 'n’est fait que de ponctuation'],
    [{ refused: ['ok', '   '] }, 'refused.1', 'Un terme est vide'],
    [{ refused: ['x'.repeat(101)] }, 'refused.0', '100 caractères'],
    [{ refused: 'escroc' }, 'refused', 'est une liste de termes'],
    [{ refused: [], autres: [] }, 'autres', 'n’est pas attendu'],
  ])('refuses %j with a French 422 naming %s, and stores nothing', async (body, field, message) => {
    const before = await desk.get('/api/moderation/words');
    const answer = await desk.put('/api/moderation/words', body);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'validation_failed', field, message: expect.stringContaining(message) } });
    expect((await desk.get('/api/moderation/words')).body).toEqual(before.body);
  });

  it('is for editors only', async () => {
    expect((await new Visitor().get('/api/moderation/words')).status).toBe(401);
    const reader = new Visitor();
    await signInAs(reader, `lecteur-${randomUUID()}@exemple.fr`);
    expect((await reader.put('/api/moderation/words', { refused: [] })).status).toBe(403);
    expect((await reader.get('/redaction/mots')).status).toBe(403);
    expect((await desk.get('/redaction/mots')).status).toBe(200);
  });
});

describe('a comment and the lists', () => {
  it('stores a comment with a refused term as rejected, and tells the writer without the term', async () => {
    const body = `Cet intervenant est un escroc notoire (${randomUUID()}).`;
    const email = `fache-${randomUUID()}@exemple.fr`;
    const answer = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Lecteur fâché', email, body });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'refused_term', message: expect.stringContaining('Votre commentaire contient un terme que la rédaction n’accepte pas') } });
    expect(JSON.stringify(answer.body)).not.toContain('escroc');
    const [row] = await query<{ id: string; status: string; matched_list: string; matched_term: string }>('SELECT id, status, matched_list, matched_term FROM comments WHERE body = $1', [body]);
    expect(row).toMatchObject({ status: 'rejected', matched_list: 'refused', matched_term: 'escroc' });
    const [event] = await query<{ action: string; target: string; editor_id: string | null }>('SELECT action, target, editor_id FROM moderation_events WHERE comment_id = $1', [row?.id]);
    expect(event).toEqual({ action: 'auto_reject', target: 'escroc', editor_id: null });
    // Its statement of reasons says the detection and the decision were automated.
    const statement = await waitForMail(mailDir, email);
    expect(statement.text).toContain('refus de publication de votre commentaire');
    expect(statement.text).toContain('repéré par un moyen automatisé : les listes de mots de la rédaction');
    expect(statement.text).toContain('appliquée automatiquement, sans examen préalable par une personne');
  });

  it('refuses a name with a refused term', async () => {
    const answer = await new Visitor().post(pieceApi(PIECE).comments, { author: 'Jalapeños', body: 'Un avis tout à fait courtois.' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ error: { code: 'refused_term' } });
  });

  it('holds a term « à vérifier » for an editor even under post-moderation, and shows the term in the queue', async () => {
    const body = `Il agit en concurrent déloyal, à mon avis (${randomUUID()}).`;
    const comment = await createComment(PIECE, { author: 'Témoin', body }, { readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` }, { moderation: { mode: 'post', maxLinks: 2 } });
    expect(comment.status).toBe('pending');
    const plain = await createComment(PIECE, { author: 'Témoin', body: `Un concurrent loyal (${randomUUID()}).` }, { readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` }, { moderation: { mode: 'post', maxLinks: 2 } });
    expect(plain.status).toBe('published');
    const queue = await desk.get('/api/moderation/queue');
    const item = (queue.body.comments as { id: string; matchedTerm: string | null }[]).find((candidate) => candidate.id === comment.id);
    expect(item?.matchedTerm).toBe('concurrent déloyal');
    const [event] = await query<{ action: string }>('SELECT action FROM moderation_events WHERE comment_id = $1', [comment.id]);
    expect(event?.action).toBe('auto_hold');
  });

  it('tells the author of a held comment an editor rejects that automated means found it, and a person decided', async () => {
    const email = `retenu-${randomUUID()}@exemple.fr`;
    const comment = await createComment(PIECE, { author: 'Témoin', email, body: `Un bébé ferait mieux (${randomUUID()}).` }, { readerKey: `r:${randomUUID()}`, addressKey: `a:${randomUUID()}` }, { moderation: { mode: 'post', maxLinks: 2 } });
    expect(comment.status).toBe('pending');
    expect((await desk.post('/api/moderation/comments', { ids: [comment.id], action: 'reject', ground: 'attaque' })).status).toBe(200);
    const statement = await waitForMail(mailDir, email);
    expect(statement.text).toContain('repéré par un moyen automatisé');
    expect(statement.text).toContain('prise par un membre de la rédaction');
    expect(statement.text).toContain('article 3 de la charte des commentaires');
  });

  it('refuses an edit that adds a refused term, and keeps the comment as it was', async () => {
    const author = new Visitor();
    const written = await author.post(pieceApi(PIECE).comments, { author: 'Relecteur', body: 'Un premier avis, mesuré.' });
    expect(written.status).toBe(201);
    const id = (written.body.comment as { id: string }).id;
    const edited = await author.patch(`/api/comments/${id}`, { body: 'Finalement : quel abruti.' });
    expect(edited.status).toBe(422);
    expect(edited.body).toMatchObject({ error: { code: 'refused_term' } });
    const [row] = await query<{ body: string }>('SELECT body FROM comments WHERE id = $1', [id]);
    expect(row?.body).toBe('Un premier avis, mesuré.');
  });
});

describe('a change to a list on every instance', () => {
  let other: RunningServer;
  beforeAll(async () => {
    const port = await freePort();
    other = await startServer([NEXT_BIN, 'start', '-p', String(port), '-H', '127.0.0.1'], {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: TEST_SECRET,
      TRUST_PROXY: '1',
      SITE_URL: `http://127.0.0.1:${port}`,
    }, port);
  });
  afterAll(() => other.stop());

  it('refuses on instance B a term listed through instance A, from the next write on', async () => {
    const term = `mot${randomUUID().slice(0, 8)}`;
    const writer = new Visitor(undefined, other.baseUrl);
    const before = await writer.post(pieceApi(PIECE).comments, { author: 'Sur B', body: `Je dis ${term} sans crainte.` });
    expect(before.status).toBe(201);
    expect((await desk.put('/api/moderation/words', { refused: [...REFUSED, term] })).status).toBe(200);
    // The very next write on B, sent at once: the list is the database's, read by the write's own statement.
    const after = await writer.post(pieceApi(PIECE).comments, { author: 'Sur B', body: `Je redis ${term.toUpperCase()}, encore.` });
    expect(after.status).toBe(422);
    expect(after.body).toMatchObject({ error: { code: 'refused_term' } });
  });
});
