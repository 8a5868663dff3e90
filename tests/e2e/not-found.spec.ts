import { expect, test } from '@playwright/test';

// Without JavaScript (a slow phone, a crawler), every unknown address shows the magazine's 404
// page, rendered on the server: language, title, header, text and links, with status 404.

const UNKNOWN = [
  '/cette-page-nexiste-pas',
  '/articles/nexiste-pas',
  '/interviews/nexiste-pas/commentaires',
  '/interviews/valerie-march-place-des-reseaux/commentaires?apres=faux',
  '/articles/page/99',
  '/tags/nexiste-pas',
  '/tags/strategie/page/99',
  '/auteurs/nexiste-pas',
  '/a/b/c',
];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const url of UNKNOWN) {
    test(`${url} answers 404 with the French page, without JavaScript`, async ({ page }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expect(page).toHaveTitle('Page introuvable · Place des Réseaux');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
      await expect(page.getByRole('link', { name: 'Place des Réseaux' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Retour à l’accueil' })).toHaveAttribute('href', '/');
      expect(await response?.text()).toContain('Cette page n’existe pas ou n’existe plus');
    });
  }

  test('a published piece and a listing still answer 200 without JavaScript', async ({ page }) => {
    expect((await page.goto('/interviews/valerie-march-place-des-reseaux'))?.status()).toBe(200);
    expect((await page.goto('/articles/page/2'))?.status()).toBe(200);
  });
});

test('with JavaScript, the 404 page keeps the address the reader typed, and its links work', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  expect((await page.goto('/articles/nexiste-pas'))?.status()).toBe(404);
  await page.waitForLoadState('networkidle');
  expect(new URL(page.url()).pathname).toBe('/articles/nexiste-pas');
  await page.getByRole('link', { name: 'Voir les interviews' }).click();
  await expect(page).toHaveURL(/\/interviews$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Interviews');
  expect(errors).toEqual([]);
});

// An old address of the test archive's content/redirects.json (an imported magazine's permalink):
// the browser is sent on, by a permanent redirect, to the piece it names.
test('an old permalink takes the browser to its piece with a 301', async ({ page }) => {
  const response = await page.goto('/2010/05/12/valerie-march/?utm_source=linkedin');
  const redirect = response?.request().redirectedFrom();
  expect(redirect?.url()).toMatch(/\/2010\/05\/12\/valerie-march\/\?utm_source=linkedin$/);
  const moved = await redirect?.response();
  expect(moved?.status()).toBe(301);
  // The campaign goes along (the audience counts it, then takes it off the address bar).
  expect(moved?.headers().location).toBe('/interviews/valerie-march-place-des-reseaux?utm_source=linkedin');
  expect(response?.status()).toBe(200);
  expect(new URL(page.url()).pathname).toBe('/interviews/valerie-march-place-des-reseaux');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Valérie March');
});
