import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allPieceSummaries } from '@/lib/content/store';
import { syncPieces } from '@/lib/publishing/archive-search';
import type { SearchResults } from '@/lib/publishing/search-schemas';
import { baseUrl, query, randomAddress } from '../setup/helpers';

// The archive's full-text search, through the production build's API, on the test archive (the
// magazine's content, eleven archive pieces, a draft and a piece for 2099) and on 1,500 older
// pieces written straight into its table, as a ten-year archive would be.
const DEEP = 1500;
const DEEP_WORD = 'Quetzalcoatlesque';

async function search(q: string, extra = ''): Promise<{ status: number; body: SearchResults & { error?: { message: string; field?: string } } }> {
  const response = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent(q)}${extra}`, { headers: { 'x-forwarded-for': randomAddress() } });
  return { status: response.status, body: (await response.json()) as SearchResults & { error?: { message: string; field?: string } } };
}
const urls = (results: SearchResults) => results.hits.map((hit) => hit.url);

describe('the archive in PostgreSQL', () => {
  it('is synchronised from the build’s content: once, unchanged pieces untouched, gone pieces removed, changed ones written again', async () => {
    const published = allPieceSummaries().length;
    const twice = await Promise.all([syncPieces(), syncPieces()]);
    for (const report of twice) expect(report).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: published });
    const [before] = await query<{ xmin: string }>("SELECT xmin::text FROM pieces WHERE key = 'interviews/valerie-march-place-des-reseaux'");

    await query("INSERT INTO pieces (key, section, url, title, summary, tags, author, published_at, draft, body_text, content_hash) VALUES ('articles/retire', 'articles', '/articles/retire', 'Retiré', '', '', 'x', now(), false, '', 'x')");
    await query("UPDATE pieces SET content_hash = 'abimee', body_text = '' WHERE key = 'articles/strategie-des-petits-cailloux'");
    expect(await syncPieces()).toMatchObject({ added: 0, changed: 1, removed: 1, unchanged: published - 1 });
    expect(await query("SELECT key FROM pieces WHERE key = 'articles/retire'")).toEqual([]);
    const [repaired] = await query<{ long: boolean }>("SELECT length(body_text) > 1000 AS long FROM pieces WHERE key = 'articles/strategie-des-petits-cailloux'");
    expect(repaired?.long).toBe(true);
    expect(await query("SELECT xmin::text FROM pieces WHERE key = 'interviews/valerie-march-place-des-reseaux'")).toEqual([before]);
    // Drafts and future pieces are stored, and only found once published.
    expect(await query<{ n: number }>("SELECT count(*)::int AS n FROM pieces WHERE title LIKE '%Zorglubesque%'")).toEqual([{ n: 2 }]);
  });
});

describe('searching the archive', () => {
  beforeAll(async () => {
    await query(
      `INSERT INTO pieces (key, section, url, title, summary, tags, author, published_at, draft, body_text, content_hash)
       SELECT 'test/profond-' || g, 'articles', '/articles/profond-' || g, 'Archive ancienne ' || g, 'Une pièce de l’archive.', 'archives', 'la-redaction',
              timestamptz '2016-01-01' + g * interval '1 day', false,
              repeat('Des mots ordinaires sur les rencontres et les zinzolines des clubs. ', 40) ||
              CASE g WHEN 7 THEN 'Tout au fond du texte, un mot rare : ${DEEP_WORD}.'
                     WHEN 8 THEN 'Elle tenait un journal de ses rencontres.'
                     WHEN 9 THEN 'Les cailloux du jardin étaient petits.' ELSE '' END,
              'test'
       FROM generate_series(1, $1::int) g`,
      [DEEP],
    );
  });

  afterAll(async () => {
    await query("DELETE FROM pieces WHERE key LIKE 'test/%'");
  });

  it('finds what today’s search finds: « reseaux » finds « réseaux », with the words marked, and nothing of a draft or a future piece', async () => {
    const found = await search('reseaux');
    expect(found.status).toBe(200);
    expect(urls(found.body)).toContain('/interviews/valerie-march-place-des-reseaux');
    const hit = found.body.hits.find((candidate) => candidate.url === '/interviews/valerie-march-place-des-reseaux');
    expect([...(hit?.title ?? []), ...(hit?.excerpt ?? [])].some((segment) => segment.mark && /r[ée]seau/i.test(segment.text))).toBe(true);
    expect(urls((await search('entrepreneur réseau')).body)).toContain('/interviews/valerie-march-place-des-reseaux');
    expect((await search('Zorglubesque')).body).toMatchObject({ total: 0, hits: [] });
    // The French stemmer: « journaux », « journal » and « journalistes » meet.
    expect(urls((await search('journaux')).body)).toEqual(expect.arrayContaining(['/articles/profond-8', '/interviews/valerie-march-place-des-reseaux']));
  });

  it('finds a word found only deep in one body of a large archive', async () => {
    const found = await search(DEEP_WORD.toLowerCase());
    expect(found.body).toMatchObject({ total: 1, pageCount: 1 });
    expect(found.body.hits[0]?.excerpt.filter((segment) => segment.mark).map((segment) => segment.text)).toEqual([DEEP_WORD]);
    // Every word of the archive, paginated ten by ten.
    const common = await search('zinzolines', '&page=3');
    expect(common.body).toMatchObject({ total: DEEP, pageCount: DEEP / 10, page: 3 });
    expect(common.body.hits).toHaveLength(10);
  });

  it('understands « phrases », -exclusions, OR, and the last word as a prefix while the reader types', async () => {
    expect(urls((await search('"petits cailloux"')).body)).toContain('/articles/strategie-des-petits-cailloux');
    expect(urls((await search('"petits cailloux"')).body)).not.toContain('/articles/profond-9');
    expect(urls((await search('cailloux petits')).body)).toContain('/articles/profond-9');
    expect(urls((await search('cailloux -jardin')).body)).not.toContain('/articles/profond-9');
    const either = urls((await search(`journal OR ${DEEP_WORD}`)).body);
    expect(either).toEqual(expect.arrayContaining(['/articles/profond-7', '/articles/profond-8']));
    expect(either).not.toContain('/articles/profond-9');
    expect((await search('quetzal')).body.total).toBe(0);
    expect(urls((await search('quetzal', '&prefix=1')).body)).toEqual(['/articles/profond-7']);
  });

  it('ranks the title before the body, and a recent piece before an old one', async () => {
    const found = await search('cailloux');
    expect(urls(found.body)[0]).toBe('/articles/strategie-des-petits-cailloux');
  });

  it('answers bad input with a French message or an empty result, never a 500', async () => {
    for (const [q, field] of [['', 'q'], ['   ', 'q'], ['a', 'q'], ['-', 'q'], ['x'.repeat(500), 'q']] as const) {
      const answer = await search(q);
      expect(answer.status).toBe(422);
      expect(answer.body.error?.field).toBe(field);
      expect(answer.body.error?.message).toMatch(/[a-zé]/);
    }
    for (const page of ['0', '-1', 'abc', '101', '1.5']) expect((await search('réseaux', `&page=${page}`)).status).toBe(422);
    for (const q of ['de la et du', '!!! ??? ...', '"réseaux', 'réseaux"', "'; DROP TABLE pieces; --", 'a & b | !c <-> d:* (e', '--', 'OR OR', '""', '\\:*']) {
      const answer = await search(q, '&prefix=1');
      expect(answer.status, q).toBe(200);
    }
    expect((await search('de la et du')).body.notice).toMatch(/trop courants/);
    expect(await query<{ n: number }>('SELECT count(*)::int AS n FROM pieces')).not.toEqual([{ n: 0 }]);
  });

  it('never answers a generated query with a 500', async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 250 }), fc.string({ unit: fc.constantFrom('"', '-', ' ', '&', '|', '!', ':', '*', '(', ')', '<', '>', 'é', 'a', 'OR ') , maxLength: 40 })), fc.boolean(), async (q, prefix) => {
        const { status } = await search(q, prefix ? '&prefix=1' : '');
        seen.set(status, (seen.get(status) ?? 0) + 1);
        return status === 200 || status === 422;
      }),
      { numRuns: 400, seed: 20261127 },
    );
    expect(seen.has(500)).toBe(false);
  }, 120_000);

  it('limits the searches of one address', async () => {
    // Not a random one: another test's random address, the same within the minute, would take a search of its 60.
    const address = '203.0.113.250';
    let statuses: number[] = [];
    for (let i = 0; i < 62; i++) {
      const response = await fetch(`${baseUrl}/api/search?q=limite${i}`, { headers: { 'x-forwarded-for': address } });
      await response.arrayBuffer();
      statuses = [...statuses, response.status];
    }
    expect(statuses).toEqual([...Array.from({ length: 60 }, () => 200), 429, 429]);
  });
});
