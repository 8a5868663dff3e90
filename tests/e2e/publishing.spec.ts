import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PREVIEW_SECRET } from '../fixtures/test-env.mjs';
import { ARCHIVE_COUNT, HIDDEN_WORD, IMPORTED_ARTICLES } from './fixtures/compose-content.mjs';

// The published archive of the test build: the interview, seven articles, the archive pieces
// (the draft and the piece for 2099 must appear nowhere).
const PUBLISHED = 1 + 7 + ARCHIVE_COUNT + IMPORTED_ARTICLES;
/** A feed lists the newest 20 (lib/publishing/feeds.ts). */
const FEED_ITEMS = 20;

async function xmlCount(page: Page, xml: string, selector: string): Promise<{ error: boolean; count: number; text: string }> {
  return page.evaluate(
    ([source, css]) => {
      const doc = new DOMParser().parseFromString(source ?? '', 'application/xml');
      return { error: doc.querySelector('parsererror') !== null, count: doc.querySelectorAll(css ?? '').length, text: doc.documentElement.textContent ?? '' };
    },
    [xml, selector],
  );
}

test('the feeds parse and list exactly the published pieces, with their full text', async ({ page, request }) => {
  await page.goto('/');
  const rss = await (await request.get('/flux/rss.xml')).text();
  const parsedRss = await xmlCount(page, rss, 'channel > item');
  expect(parsedRss.error).toBe(false);
  expect(parsedRss.count).toBe(Math.min(PUBLISHED, FEED_ITEMS));
  // The oldest, imported from WordPress, are past the newest 20.
  expect(parsedRss.text).not.toContain('première version');
  expect(parsedRss.text).toContain('Propos recueillis par Nelly Lambert');
  expect(parsedRss.text).not.toContain(HIDDEN_WORD);
  const atom = await (await request.get('/flux/atom.xml')).text();
  expect((await xmlCount(page, atom, 'feed > entry')).count).toBe(parsedRss.count);
  const json = await (await request.get('/flux/feed.json')).json();
  expect(json.items).toHaveLength(parsedRss.count);
  expect(json.items[0].content_html).toMatch(/<p>/);
  const tag = await xmlCount(page, await (await request.get('/flux/theme/savoir-vivre/rss.xml')).text(), 'channel > item');
  expect(tag.count).toBeGreaterThanOrEqual(3);
  expect(tag.text).not.toContain('Archive numéro');
  expect((await xmlCount(page, await (await request.get('/flux/rubrique/interviews/atom.xml')).text(), 'feed > entry')).count).toBe(1);
  expect((await request.get('/flux/theme/inconnu/rss.xml')).status()).toBe(404);
  await page.goto('/');
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', /\/flux\/rss\.xml$/);
});

test('the sitemap lists every published page and no draft; robots points to it', async ({ page, request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  await page.goto('/');
  const parsed = await xmlCount(page, sitemap, 'url > loc');
  expect(parsed.error).toBe(false);
  for (const path of ['/interviews/valerie-march-place-des-reseaux', '/articles/strategie-des-petits-cailloux', '/articles/archive-11', '/interviews', '/tags/savoir-vivre', '/auteurs/nelly-lambert']) {
    expect(sitemap).toContain(`http://127.0.0.1:3100${path}</loc>`);
  }
  expect(sitemap).not.toContain('brouillon-confidentiel');
  expect(sitemap).not.toContain('article-a-paraitre');
  expect(sitemap).toMatch(/<lastmod>2026-11-\d\dT/);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: http://127.0.0.1:3100/sitemap.xml');
});

test('each page type carries valid structured data', async ({ page }) => {
  const jsonLd = async () => Promise.all((await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text)));
  await page.goto('/');
  const home = await jsonLd();
  expect(home.map((entry) => entry['@type'])).toEqual(['Organization', 'WebSite']);
  expect(home[1].potentialAction).toMatchObject({ '@type': 'SearchAction', target: { urlTemplate: 'http://127.0.0.1:3100/recherche?q={search_term_string}' } });
  await page.goto('/interviews/valerie-march-place-des-reseaux');
  const [article, breadcrumb] = await jsonLd();
  expect(article).toMatchObject({
    '@type': 'Article',
    headline: expect.any(String),
    datePublished: expect.any(String),
    author: { name: 'Nelly Lambert' },
    publisher: { '@type': 'Organization', name: 'Place des Réseaux' },
    about: { '@type': 'Person', name: 'Valérie March' },
    mentions: { '@type': 'Person', name: 'Valérie March' },
    // Its cover (tests/e2e/pictures.spec.ts); a piece without one has its drawn card.
    image: 'http://127.0.0.1:3100/images/couvertures/place-des-reseaux.jpg',
  });
  expect(breadcrumb.itemListElement.map((item: { name: string }) => item.name)).toEqual(['Accueil', 'Interviews', expect.stringContaining('Valérie March')]);
  await page.goto('/articles/animer-un-hub-plutot-que-pousser');
  expect((await jsonLd())[0]).toMatchObject({ '@type': 'Article', author: { '@type': 'Organization', name: 'La rédaction' } });
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', 'http://127.0.0.1:3100/articles/animer-un-hub-plutot-que-pousser');
});

test('each piece without a cover has its own social image, a 1200 × 630 PNG drawn with the font of the repository', async ({ request, page }) => {
  await page.goto('/articles/le-ton-juste-sur-les-reseaux');
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(image).toBe('http://127.0.0.1:3100/articles/le-ton-juste-sur-les-reseaux/image-sociale.png');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
  expect(jsonLd.image).toBe(image);
  const response = await request.get(new URL(image ?? '').pathname + new URL(image ?? '').search);
  expect(response.headers()['content-type']).toBe('image/png');
  const png = await response.body();
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

test('search finds French words without their accents, and nothing of a draft', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Rechercher', { exact: true }).fill('reseaux');
  await page.getByLabel('Rechercher', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/\/recherche\?q=reseaux$/);
  const results = page.getByRole('main').getByRole('listitem');
  await expect(results.filter({ hasText: 'Valérie March' })).toHaveCount(1);
  await expect(results.first().locator('mark').first()).toBeVisible();
  await page.getByLabel('Rechercher dans les interviews et les articles').fill('entrepreneur réseau');
  await expect(results.filter({ hasText: 'Valérie March' })).toHaveCount(1);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel('Rechercher dans les interviews et les articles').fill(HIDDEN_WORD);
  await expect(page.getByText('Aucun résultat.')).toBeVisible();
  const index = await (await page.request.get('/recherche/index.json')).text();
  expect(index.length).toBeGreaterThan(1000);
  expect(index).not.toContain(HIDDEN_WORD.toLowerCase().slice(0, 8));
});

test('share links under a piece: plain links, no script', async ({ page }) => {
  await page.goto('/articles/strategie-des-petits-cailloux');
  const share = page.getByRole('navigation', { name: 'Partager' });
  await expect(share.getByRole('link', { name: 'LinkedIn' })).toHaveAttribute('href', /linkedin\.com\/sharing\/share-offsite\/\?url=http%3A%2F%2F127\.0\.0\.1%3A3100%2Farticles%2Fstrategie-des-petits-cailloux/);
  await expect(share.getByRole('link', { name: 'E-mail' })).toHaveAttribute('href', /^mailto:\?subject=/);
  await expect(share.getByRole('button', { name: 'Copier le lien' })).toBeVisible();
  await expect(page.locator('script[src*="linkedin"], script[src*="facebook"], script[src*="twitter"], script[src*="x.com"]')).toHaveCount(0);
});

test('the preview shows a draft, with its banner, only with the secret', async ({ browser, page }) => {
  expect((await page.goto('/articles/brouillon-confidentiel'))?.status()).toBe(404);
  expect((await page.goto('/api/preview?secret=mauvais&slug=articles/brouillon-confidentiel'))?.status()).toBe(403);
  await page.goto(`/api/preview?secret=${PREVIEW_SECRET}&slug=articles/brouillon-confidentiel`);
  await expect(page).toHaveURL(/\/articles\/brouillon-confidentiel$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(HIDDEN_WORD);
  await expect(page.getByText(/Aperçu : ce contenu n’est pas encore publié \(brouillon\)/)).toBeVisible();
  const stranger = await browser.newContext();
  expect((await (await stranger.newPage()).goto('/articles/brouillon-confidentiel'))?.status()).toBe(404);
  await stranger.close();
  await page.getByRole('link', { name: 'Quitter l’aperçu' }).click();
  expect((await page.goto('/articles/brouillon-confidentiel'))?.status()).toBe(404);
  // Leaving the preview leads back to a page of the magazine, never to another site.
  for (const elsewhere of ['//ailleurs.example', '/\\ailleurs.example', 'https://ailleurs.example']) {
    const response = await page.request.get(`/api/preview/stop?retour=${encodeURIComponent(elsewhere)}`, { maxRedirects: 0 });
    expect([response.status(), response.headers().location]).toEqual([307, '/']);
  }
  expect((await page.request.get('/api/preview/stop?retour=/articles', { maxRedirects: 0 })).headers().location).toBe('/articles');
});
