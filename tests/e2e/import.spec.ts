import { expect, test } from '@playwright/test';

// The WordPress site and the Disqus comments that scripts/test.mjs moves into the test archive
// with `npm run import` (tests/fixtures/import/): a reader following an old link lands on the new
// page by a 301, reads the converted text and the old comments, threaded, in their order.

test('an old WordPress permalink answers 301 to the imported piece, its text converted and its comments threaded under it', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto('/2010/05/12/reseauter-sans-s-epuiser/');
  expect(response?.request().redirectedFrom()?.url()).toMatch(/\/2010\/05\/12\/reseauter-sans-s-epuiser\/$/);
  expect(await response?.request().redirectedFrom()?.response().then((first) => first?.status())).toBe(301);
  expect(new URL(page.url()).pathname).toBe('/articles/reseauter-sans-s-epuiser');
  expect(response?.status()).toBe(200);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Réseauter sans s’épuiser : l’été des « petits cailloux »');
  const text = page.locator('article').first();
  await expect(text.getByText('Une règle simple : {un message} par jour < dix messages le dimanche & rien le reste de la semaine.')).toBeVisible();
  await expect(text.getByRole('heading', { level: 2, name: 'Trois gestes par semaine' })).toBeVisible();
  await expect(text.getByRole('img', { name: 'Deux mains qui se serrent au-dessus d’une table de café' }).last()).toBeVisible();
  await expect(text.getByText('Une rencontre au café du coin')).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Citation' })).toHaveText('Semer des petits cailloux, chaque jour. — Le Carnet');
  await expect(text.getByRole('link', { name: 'YouTube : https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await text.getByRole('link', { name: 'notre billet sur le ton juste' }).click();
  await expect(page).toHaveURL(/\/articles\/le-ton-juste-en-2011$/);
  await page.goBack();

  // The comments, oldest first; a reply to a reply under its top comment; the post's author's badge.
  const comments = page.locator('#commentaires');
  await expect(comments.getByRole('article', { name: 'Commentaire de Aurélie Martin' })).toContainText('Et un message par jour, c’est tenable & motivant.');
  const replies = comments.getByRole('list', { name: 'Réponses à Aurélie Martin' });
  await expect(replies.getByRole('article')).toHaveCount(2);
  await expect(replies.getByRole('article').nth(0)).toHaveAccessibleName('Commentaire de Claire Dubois');
  await expect(replies.getByRole('article').nth(0)).toContainText('Auteur de l’article');
  await expect(replies.getByRole('article').nth(1)).toHaveAccessibleName('Commentaire de Bruno Lefèvre');
  const names = await comments.getByRole('article').evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-label')));
  expect(names).toEqual(['Commentaire de Aurélie Martin', 'Commentaire de Claire Dubois', 'Commentaire de Bruno Lefèvre', 'Commentaire de Élodie', 'Commentaire de Mathieu']);
  await expect(comments.getByText('Pilules pas chères')).toHaveCount(0);
  await expect(comments.getByText('comme le dit le Carnet des Réseaux')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('WordPress’s short link, a category and the Disqus comments: each old address leads to its page', async ({ page }) => {
  await page.goto('/?p=102');
  expect(new URL(page.url()).pathname).toBe('/articles/le-ton-juste-en-2011');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le ton juste, en 2011');
  const names = await page.locator('#commentaires').getByRole('article').evaluateAll((articles) => articles.map((article) => article.getAttribute('aria-label')));
  // WordPress's comment, then Disqus's thread: Igor and Jeanne under Hélène, Louise (whose parent was deleted) at the top level.
  expect(names).toEqual(['Commentaire de Gaëlle', 'Commentaire de Hélène Roux', 'Commentaire de Igor', 'Commentaire de Jeanne', 'Commentaire de Louise']);
  await expect(page.locator('#commentaires').getByRole('list', { name: 'Réponses à Hélène Roux' }).getByRole('article')).toHaveCount(2);
  await expect(page.locator('#commentaires').getByText('Message supprimé par son auteur.')).toHaveCount(0);
  await expect(page.locator('#commentaires').getByText('Gagnez un iPhone')).toHaveCount(0);

  await page.goto('/category/strategie-reseau/');
  expect(new URL(page.url()).pathname).toBe('/tags/strategie-reseau');
  await expect(page.getByRole('link', { name: /Réseauter sans s’épuiser/ }).first()).toBeVisible();
  await page.goto('/author/marc-petit/');
  expect(new URL(page.url()).pathname).toBe('/auteurs/marc-petit');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Marc Pétit');
});
