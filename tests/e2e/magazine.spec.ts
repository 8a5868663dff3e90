import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ARCHIVE_COUNT, HIDDEN_WORD, IMPORTED_ARTICLES, OLDEST_IMPORTED } from './fixtures/compose-content.mjs';

const INTERVIEW = '/interviews/valerie-march-place-des-reseaux';
const INTERVIEW_TITLE = 'Valérie March, cofondatrice du site Place des Réseaux';

// The founding interview as it was handed to us: its questions and answers must all be on the page.
const seed = readFileSync(path.join(import.meta.dirname, '../fixtures/interview-valerie-march.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim());
const QUESTIONS = seed.filter((line) => line.endsWith('?') || line.endsWith('…')).filter((line) => line.length < 200);
const firstQuestion = seed.indexOf(QUESTIONS[0] ?? '');
const ANSWERS = seed
  .slice(firstQuestion, seed.indexOf('Propos recueillis par Nelly Lambert'))
  .filter((line) => line.length > 0 && !QUESTIONS.includes(line));

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

test('the home page features the founding interview and lists the latest pieces', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle(/Place des Réseaux/);
  const featured = page.getByRole('region', { name: 'À la une' });
  await expect(featured.getByRole('link', { name: new RegExp(INTERVIEW_TITLE) })).toHaveAttribute('href', INTERVIEW);
  await expect(page.getByRole('region', { name: 'Derniers contenus' }).getByRole('listitem')).toHaveCount(6);
  await expect(page.getByRole('link', { name: 'Quand un échange s’envenime' })).toBeVisible();
});

test('the founding interview shows every question as a heading, every answer word for word, and the credits', async ({ page }) => {
  expect(QUESTIONS).toHaveLength(5);
  expect(ANSWERS.length).toBeGreaterThanOrEqual(10);
  await page.goto(INTERVIEW);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(INTERVIEW_TITLE);
  for (const question of QUESTIONS) {
    await expect(page.getByRole('heading', { level: 2, name: question, exact: true })).toBeVisible();
  }
  const body = collapse((await page.locator('main > article').textContent()) ?? '');
  for (const answer of ANSWERS) expect(body).toContain(collapse(answer));
  await expect(page.getByText('Propos recueillis par Nelly Lambert, Rédaction de NetPME')).toBeVisible();
  await expect(page.getByText('Entretien avec Valérie March, cofondatrice de Place des Réseaux')).toBeVisible();
  await expect(page.getByText('Publié le 2 novembre 2026')).toBeVisible();
  await expect(page.getByText(/\d+ min de lecture/).first()).toBeVisible();
  for (const text of ['Evaluer ce contenu', 'Rate this np-interview']) await expect(page.getByText(text)).toHaveCount(0);
});

test('the table of contents links to the headings of the piece', async ({ page }) => {
  await page.goto(INTERVIEW);
  const toc = page.getByRole('navigation', { name: 'Sommaire' });
  const links = toc.getByRole('link');
  await expect(links).toHaveCount(QUESTIONS.length);
  const last = links.last();
  const target = decodeURIComponent(((await last.getAttribute('href')) ?? '').slice(1));
  await last.click();
  await expect(page.locator(`[id="${target}"]`)).toHaveText(QUESTIONS.at(-1) ?? '');
  await expect(page.locator(`[id="${target}"]`)).toBeInViewport();
});

test('the page of a piece carries schema.org Article data', async ({ page }) => {
  await page.goto(INTERVIEW);
  const json = await page.locator('script[type="application/ld+json"]').first().textContent();
  const data = JSON.parse(json ?? '{}');
  expect(data).toMatchObject({
    '@type': 'Article',
    headline: expect.stringContaining(INTERVIEW_TITLE),
    datePublished: '2026-11-01T23:00:00Z',
    inLanguage: 'fr-FR',
    url: `http://127.0.0.1:3100${INTERVIEW}`,
    author: { name: 'Nelly Lambert' },
    about: { '@type': 'Person', name: 'Valérie March' },
  });
});

test('a piece shows its update date and its images through next/image', async ({ page }) => {
  await page.goto('/articles/archive-01');
  await expect(page.getByText('mis à jour le 15 octobre 2026')).toBeVisible();
  const image = page.getByRole('img', { name: 'Dégradé de test' });
  await expect(image).toHaveAttribute('srcset', /\/_next\/image\?url=%2Ftests%2Ffigure-test\.png/);
  await image.scrollIntoViewIfNeeded();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.locator('figcaption')).toContainText('Une image de test');
});

test('an article has its byline, tags, related pieces and neighbours in its section', async ({ page }) => {
  await page.goto('/articles/strategie-des-petits-cailloux');
  await expect(page.getByRole('link', { name: 'La rédaction' }).first()).toHaveAttribute('href', '/auteurs/la-redaction');
  await expect(page.getByRole('list', { name: 'Thèmes' }).getByRole('link', { name: 'visibilité' })).toHaveAttribute('href', '/tags/visibilite');
  await expect(page.getByRole('complementary', { name: 'Citation' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'La check-list des petits cailloux' })).toBeVisible();
  const related = page.getByRole('region', { name: 'À lire aussi' });
  await expect(related.getByRole('listitem')).toHaveCount(3);
  const neighbours = page.getByRole('navigation', { name: 'Dans la même rubrique' });
  await expect(neighbours.getByRole('link', { name: /Précédent.*Choisir un seul réseau/ })).toBeVisible();
  await expect(neighbours.getByRole('link', { name: /Suivant.*Déléguer l’animation/ })).toBeVisible();
});

test('a section lists ten pieces a page, newest first, and paginates', async ({ page }) => {
  await page.goto('/articles');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Points de vue d'experts");
  // Next keeps pages already visited in the document, hidden, for instant back navigation.
  const cards = page.locator('main article:visible');
  await expect(cards).toHaveCount(10);
  await expect(cards.first().getByRole('heading')).toHaveText('Quand un échange s’envenime');
  // The magazine's 7 articles, the archive's and those imported from WordPress (older than the rest).
  const articles = 7 + ARCHIVE_COUNT + IMPORTED_ARTICLES;
  const pages = Math.ceil(articles / 10);
  for (let number = 2; number <= pages; number++) {
    await page.getByRole('link', { name: 'Page suivante' }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/page/${number}$`));
    await expect(page.getByText(`Page ${number} sur ${pages}`)).toBeVisible();
    await expect(cards).toHaveCount(Math.min(10, articles - (number - 1) * 10));
  }
  await expect(cards.last().getByRole('heading')).toHaveText(OLDEST_IMPORTED);
  await expect(page.getByRole('link', { name: 'Page suivante' })).toHaveCount(0);
  expect((await page.goto(`/articles/page/${pages + 1}`))?.status()).toBe(404);
  await page.goto('/articles/page/1');
  await expect(page).toHaveURL(/\/articles$/);
});

test('a tag page lists the pieces that carry the tag', async ({ page }) => {
  await page.goto('/tags');
  await page.getByRole('link', { name: /savoir-vivre/ }).click();
  await expect(page).toHaveURL(/\/tags\/savoir-vivre$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('savoir-vivre');
  const titles = await page.locator('main article:visible h2').allTextContents();
  expect(titles).toContain('Le ton juste sur les réseaux');
  expect(titles.some((title) => title.startsWith(INTERVIEW_TITLE))).toBe(true);
  expect(titles).not.toContain('Archive numéro 01');
});

test('tag and author pages list ten pieces a page too', async ({ page }) => {
  const cards = page.locator('main article:visible');
  await page.goto('/tags/archives');
  await expect(page.getByText(`${ARCHIVE_COUNT} contenus · page 1 sur 2`)).toBeVisible();
  await expect(cards).toHaveCount(10);
  await page.getByRole('link', { name: 'Page suivante' }).click();
  await expect(page).toHaveURL(/\/tags\/archives\/page\/2$/);
  await expect(cards).toHaveCount(ARCHIVE_COUNT - 10);
  await expect(cards.last().getByRole('heading')).toHaveText('Archive numéro 01');
  expect((await page.goto('/tags/archives/page/3'))?.status()).toBe(404);
  await page.goto('/tags/archives/page/1');
  await expect(page).toHaveURL(/\/tags\/archives$/);

  await page.goto('/auteurs/la-redaction');
  await expect(page.getByRole('heading', { level: 2, name: /contenus publiés · page 1 sur 2/ })).toBeVisible();
  await expect(cards).toHaveCount(10);
  const bio = page.locator('header .prose');
  await expect(bio).toBeVisible();
  await page.getByRole('link', { name: 'Page 2', exact: true }).click();
  await expect(page).toHaveURL(/\/auteurs\/la-redaction\/page\/2$/);
  await expect(page.getByRole('heading', { level: 2, name: /page 2 sur 2/ })).toBeVisible();
  await expect(page.locator('header .prose:visible')).toHaveCount(0);
  expect((await page.goto('/auteurs/la-redaction/page/3'))?.status()).toBe(404);
});

test('an author page shows the bio and the pieces of the author', async ({ page }) => {
  await page.goto('/auteurs/nelly-lambert');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nelly Lambert');
  await expect(page.getByRole('heading', { name: '1 contenu publié' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(INTERVIEW_TITLE) })).toBeVisible();
});

test('drafts and pieces dated in the future are neither listed nor reachable in production', async ({ page }) => {
  for (const url of ['/articles/brouillon-confidentiel', '/articles/article-a-paraitre']) {
    expect((await page.goto(url))?.status()).toBe(404);
  }
  for (const url of ['/', '/articles', '/articles/page/2', '/tags/strategie', '/auteurs/la-redaction']) {
    await page.goto(url);
    await expect(page.locator('main')).not.toContainText(HIDDEN_WORD);
  }
});

test('an unknown address answers 404 with a French page', async ({ page }) => {
  for (const url of ['/cette-page-n-existe-pas', '/interviews/inconnue', '/tags/inconnu', '/auteurs/personne']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  }
  await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the reader can switch to dark mode and the choice is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(await paper()).toBe('rgb(253, 252, 249)');
  await page.getByRole('button', { name: 'Mode sombre' }).click();
  expect(await paper()).toBe('rgb(21, 20, 18)');
  await page.reload();
  expect(await paper()).toBe('rgb(21, 20, 18)');
  await expect(page.getByRole('button', { name: 'Mode clair' })).toBeVisible();
});

test('dark mode follows the system when the reader has not chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(21, 20, 18)');
});
