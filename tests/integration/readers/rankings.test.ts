import { describe, expect, it } from 'vitest';
import type { Rankings } from '@/lib/readers/ranking-schemas';
import { EDITOR_EMAIL } from '../setup/global-db';
import { baseUrl, pieceApi, query, signInAs, Visitor } from '../setup/helpers';

// « Les plus appréciés » (Bayesian average, prior 5 ratings of 3/5) and « Les plus commentés »
// (30 days), on /les-plus-apprecies, the home page and GET /api/rankings, moved by readers' writes.
// Pieces no other test rates or comments, their rows cleared first: the order between them is ours.
const TWENTY_FOURS = 'articles/archive-09';
const ONE_FIVE = 'articles/un-creneau-par-jour-puis-mesurer';
const COMMENTED = 'articles/choisir-un-seul-reseau-pour-commencer';
const DRAFT = 'articles/brouillon-confidentiel';
const titles = { [TWENTY_FOURS]: 'Archive numéro 09', [ONE_FIVE]: 'Un créneau par jour, puis mesurer' };

/** A page's status and text, tags and React's markers removed. */
async function html(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const body = await response.text();
  return { status: response.status, text: body.replace(/<!--.*?-->/gs, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') };
}

/** The ranked titles of /les-plus-apprecies, in order (the main list only). */
async function rankedTitles(): Promise<string[]> {
  const page = await (await fetch(`${baseUrl}/les-plus-apprecies`)).text();
  const list = page.slice(page.indexOf('id="classement"'), page.includes('id="plus-commentes"') ? page.indexOf('id="plus-commentes"') : undefined);
  return [...list.matchAll(/<h3[^>]*><a [^>]*>([^<]+)<\/a><\/h3>/g)].map((match) => match[1] ?? '');
}

async function rankings(page?: number): Promise<{ status: number; body: Rankings & { error?: { message: string; field?: string } } }> {
  const answer = await new Visitor().get(`/api/rankings${page === undefined ? '' : `?page=${page}`}`);
  return { status: answer.status, body: answer.body as Rankings & { error?: { message: string; field?: string } } };
}

async function rate(key: string, value: number, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) expect((await new Visitor().put(pieceApi(key).rating, { value })).status).toBe(200);
}

describe('« Les plus appréciés »', () => {
  it('puts twenty 4-star ratings above a single 5-star one, on the page and in the API, and follows the readers', async () => {
    await query('DELETE FROM ratings WHERE piece_key = ANY($1)', [[TWENTY_FOURS, ONE_FIVE, DRAFT]]);
    await rate(TWENTY_FOURS, 4, 20);
    await rate(ONE_FIVE, 5);

    const before = await rankedTitles();
    expect(before.indexOf(titles[TWENTY_FOURS])).toBeGreaterThanOrEqual(0);
    expect(before.indexOf(titles[TWENTY_FOURS])).toBeLessThan(before.indexOf(titles[ONE_FIVE]));
    const { text } = await html('/les-plus-apprecies');
    expect(text).toContain('★ 4/5 · 20 avis');
    expect(text).toContain('★ 5/5 · 1 avis');
    expect(text).toContain('chaque contenu compte comme s’il avait reçu 5 avis de plus à 3/5');

    const api = await rankings();
    expect(api.status).toBe(200);
    const keys = api.body.mostLiked.map((entry) => entry.key);
    expect(keys.indexOf(TWENTY_FOURS)).toBeLessThan(keys.indexOf(ONE_FIVE));
    expect(api.body.mostLiked.find((entry) => entry.key === TWENTY_FOURS)).toMatchObject({ average: 4, ratings: 20, score: 3.8, url: `/${TWENTY_FOURS}` });
    expect(api.body.mostLiked.find((entry) => entry.key === ONE_FIVE)).toMatchObject({ average: 5, ratings: 1, score: 3.333 });
    expect(api.body.prior).toEqual({ mean: 3, count: 5 });

    // Two more readers through the API and one through the form without JavaScript: four 5-star
    // ratings score (15 + 20) / 9 ≈ 3.89, above 3.8.
    await rate(ONE_FIVE, 5, 2);
    const form = await new Visitor().send('POST', `/${ONE_FIVE}/noter`, 'value=5', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(303);
    const after = await rankedTitles();
    expect(after.indexOf(titles[ONE_FIVE])).toBeLessThan(after.indexOf(titles[TWENTY_FOURS]));
    const moved = (await rankings()).body.mostLiked.map((entry) => entry.key);
    expect(moved.indexOf(ONE_FIVE)).toBeLessThan(moved.indexOf(TWENTY_FOURS));
    expect((await html('/les-plus-apprecies')).text).toContain('★ 5/5 · 4 avis');
    // The home page's short ranking follows too.
    const home = (await html('/')).text;
    expect(home).toContain('Les plus appréciés');
    expect(home.indexOf(titles[ONE_FIVE], home.indexOf('Les plus appréciés'))).toBeLessThan(home.indexOf(titles[TWENTY_FOURS], home.indexOf('Les plus appréciés')));
  });

  it('ranks only published pieces', async () => {
    // A rating left on a piece that is a draft now (written in the database: the API refuses it).
    await query(`INSERT INTO ratings (piece_key, reader_key, value) VALUES ($1, 'r:ancien', 5)`, [DRAFT]);
    await rate(TWENTY_FOURS, 4); // a write, which revalidates the rankings
    const api = await rankings();
    expect(api.body.mostLiked.map((entry) => entry.key)).not.toContain(DRAFT);
    expect((await html('/les-plus-apprecies')).text).not.toContain('Brouillon');
  });

  it('answers 404 past the last page and 422 on a page that is no number, in French', async () => {
    const last = (await rankings()).body.pageCount;
    const past = await rankings(last + 1);
    expect(past.status).toBe(404);
    expect(past.body.error?.message).toBe(`Le classement n’a que ${last} page${last > 1 ? 's' : ''} : demandez une page entre 1 et ${last}.`);
    const zero = await rankings(0);
    expect(zero.status).toBe(422);
    expect(zero.body.error).toMatchObject({ field: 'page', message: expect.stringContaining('nombre entier') });
    expect((await html(`/les-plus-apprecies/page/${last + 1}`)).status).toBe(404);
    expect((await html('/les-plus-apprecies/page/deux')).status).toBe(404);
  });
});

describe('« Les plus commentés »', () => {
  it('counts the comments published over the last 30 days', async () => {
    await query('DELETE FROM comments WHERE piece_key = $1', [COMMENTED]);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const answer = await new Visitor().post(pieceApi(COMMENTED).comments, { author: `Lectrice ${i}`, body: `Mon commentaire numéro ${i}, merci pour ces conseils.` });
      expect(answer.status).toBe(201);
      ids.push((answer.body.comment as { id: string }).id);
    }
    // Held for moderation: not counted until an editor publishes them.
    expect((await rankings()).body.mostCommented?.pieces.map((entry) => entry.key)).not.toContain(COMMENTED);
    const desk = new Visitor();
    await signInAs(desk, EDITOR_EMAIL, 'reader');
    expect((await desk.post('/api/moderation/comments', { ids, action: 'approve' })).status).toBe(200);

    const api = await rankings();
    expect(api.body.mostCommented).toMatchObject({ days: 30 });
    expect(api.body.mostCommented?.pieces.find((entry) => entry.key === COMMENTED)).toMatchObject({ comments: 3, title: 'Choisir un seul réseau pour commencer' });
    expect((await html('/les-plus-apprecies')).text).toContain('Choisir un seul réseau pour commencer Par La rédaction 3 commentaires en 30 jours');
    expect((await html('/')).text).toContain('Les plus commentés');

    // Thirty-one days later (the rows made older), after any write: out of the window.
    await query(`UPDATE comments SET created_at = now() - interval '31 days' WHERE piece_key = $1`, [COMMENTED]);
    await rate(TWENTY_FOURS, 4);
    expect((await rankings()).body.mostCommented?.pieces.map((entry) => entry.key)).not.toContain(COMMENTED);
  });
});
