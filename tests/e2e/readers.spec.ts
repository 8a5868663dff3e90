import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { newReader, openPiece } from './fixtures/reader';

// Under every piece: « Évaluer ce contenu » and « Commentaires », on the test build served by the
// launcher on its embedded database (pre-moderation, the default).

const summary = (page: Page) => page.getByTestId('rating-summary');
const star = (page: Page, stars: number) => page.getByRole('radio', { name: `${stars} ${stars > 1 ? 'étoiles' : 'étoile'} sur 5` });

/** Fills in the comment form like a person: the form refuses what is sent within 3 seconds. */
async function writeComment(page: Page, shownAt: number, { author, body, email }: { author: string; body: string; email?: string }, scope = page.locator('form[aria-label="Laisser un commentaire"]')) {
  await scope.getByLabel('Nom').fill(author);
  if (email) await scope.getByLabel(/E-mail/).fill(email);
  await scope.getByLabel(/Votre (commentaire|réponse)/).fill(body);
  const wait = shownAt + 3200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await scope.getByRole('button', { name: /Publier le commentaire|Répondre/ }).click();
}

test('two readers rate a piece; one changes, then withdraws, their rating', async ({ browser }) => {
  const url = '/articles/archive-02';
  const first = await newReader(browser);
  await openPiece(first.page, url);
  await expect(summary(first.page)).toHaveText('Aucun avis pour l’instant');
  await star(first.page, 5).click();
  await expect(summary(first.page)).toHaveText('5/5 · 1 avis');
  await expect(first.page.getByText('Merci, votre note est enregistrée.')).toBeVisible();

  const second = await newReader(browser);
  await openPiece(second.page, url);
  await expect(summary(second.page)).toHaveText('5/5 · 1 avis');
  await star(second.page, 3).click();
  await expect(summary(second.page)).toHaveText('4/5 · 2 avis');
  await expect(second.page.getByText('Merci, votre note est enregistrée.')).toBeVisible();

  await openPiece(first.page, url);
  await expect(first.page.getByText('Votre note : 5 sur 5')).toBeVisible();
  await expect(star(first.page, 5)).toBeChecked();
  await star(first.page, 4).click();
  await expect(summary(first.page)).toHaveText('3,5/5 · 2 avis');
  await expect(first.page.getByText('Merci, votre note est enregistrée.')).toBeVisible();
  await first.page.getByRole('button', { name: 'Retirer ma note' }).click();
  await expect(summary(first.page)).toHaveText('3/5 · 1 avis');
  await expect(first.page.getByText('Votre note est retirée.')).toBeVisible();

  await first.page.reload();
  await expect(summary(first.page)).toHaveText('3/5 · 1 avis');
  const distribution = first.page.getByRole('list', { name: 'Répartition des notes' });
  await expect(distribution.getByRole('listitem').nth(2)).toHaveText(/3 étoiles\s*1 avis/);
  const jsonLd = JSON.parse((await first.page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
  expect(jsonLd.aggregateRating).toEqual({ '@type': 'AggregateRating', ratingValue: 3, ratingCount: 1, bestRating: 5, worstRating: 1 });

  // The listing's card carries the rating too.
  await first.page.goto('/articles/page/2');
  await expect(first.page.getByRole('article').filter({ hasText: 'Archive numéro 02' })).toContainText('★ 3/5 · 1 avis');
  await first.context.close();
  await second.context.close();
});

test('the stars are a radio group a keyboard can use', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  await openPiece(page, '/articles/archive-03');
  await star(page, 1).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(star(page, 3)).toBeChecked();
  await expect(summary(page)).toHaveText('Aucun avis pour l’instant');
  await page.keyboard.press('Enter');
  await expect(summary(page)).toHaveText('3/5 · 1 avis');
  await context.close();
});

test('under pre-moderation, a guest’s comment waits, seen only by its author', async ({ browser }) => {
  const url = '/articles/archive-04';
  const guest = await newReader(browser);
  const shownAt = await openPiece(guest.page, url);
  await expect(guest.page.getByRole('heading', { name: /Commentaires/ })).toContainText('(0 commentaire)');
  await writeComment(guest.page, shownAt, { author: 'Hélène', email: 'helene@example.org', body: 'Très utile.\n\nMerci pour ces conseils.' });
  await expect(guest.page.getByText('Votre commentaire est en attente de modération.', { exact: true })).toBeVisible();
  const mine = guest.page.getByRole('list', { name: 'Vos commentaires en attente' });
  await expect(mine.getByText('En attente de modération')).toBeVisible();
  await expect(mine.getByText('Merci pour ces conseils.')).toBeVisible();
  await expect(guest.page.getByText('helene@example.org')).toHaveCount(0);

  await guest.page.reload();
  await expect(guest.page.getByRole('list', { name: 'Vos commentaires en attente' }).getByText('Très utile.')).toBeVisible();

  const other = await newReader(browser);
  await openPiece(other.page, url);
  await expect(other.page.getByText('Très utile.')).toHaveCount(0);
  await guest.context.close();
  await other.context.close();
});

test('without JavaScript, the rating and comment forms still work', async ({ browser }) => {
  const url = '/articles/archive-05';
  const { page, context } = await newReader(browser, { javaScriptEnabled: false });
  await page.goto(url);
  await expect(summary(page)).toHaveText('Aucun avis pour l’instant');
  await star(page, 5).check();
  await page.getByRole('button', { name: 'Envoyer ma note' }).click();
  await expect(page).toHaveURL(new RegExp(`${url}#evaluer$`));
  await expect(summary(page)).toHaveText('5/5 · 1 avis');
  await expect(star(page, 5)).not.toBeChecked(); // the page is the same for all: it cannot know its reader

  const shownAt = Date.now();
  await writeComment(page, shownAt, { author: 'Sans JS', body: 'Écrit sans JavaScript.' });
  await expect(page).toHaveURL(new RegExp(`${url}#commentaire-pending$`));
  await expect(page.getByText(/Votre commentaire est en attente de modération/)).toBeVisible();
  await expect(page.getByText('Écrit sans JavaScript.')).toHaveCount(0); // waiting: nobody sees it yet

  // A refusal the browser cannot foresee (only spaces) says why, next to the form.
  await writeComment(page, Date.now() - 5000, { author: 'Sans JS', body: '    ' });
  await expect(page).toHaveURL(new RegExp(`${url}#commentaire-validation_failed-body$`));
  await expect(page.getByText(/entre 2 et 4 000 caractères/)).toBeVisible();
  await expect(page.getByText(/Votre commentaire est en attente de modération/)).toBeHidden();
  await context.close();
});

test('a comment sent faster than a person types never shows', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  await openPiece(page, '/articles/archive-06');
  await page.getByLabel('Nom').fill('Robot');
  await page.getByLabel('Votre commentaire').fill('Réponse instantanée.');
  await page.getByRole('button', { name: 'Publier le commentaire' }).click();
  // It looks accepted, as for any robot, but it is stored as spam: not even its author sees it.
  await expect(page.getByText('Votre commentaire est en attente de modération.', { exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('list', { name: 'Vos commentaires en attente' })).toHaveCount(0);
  await context.close();
});

test('axe finds no violation with the sections open and with an error shown', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  const shownAt = await openPiece(page, '/articles/archive-07');
  // Spaces pass the browser's own checks; the server trims them and explains what is wrong.
  await writeComment(page, shownAt, { author: 'Axe', body: '   ' });
  await expect(page.getByText('Le commentaire doit contenir au moins 2 caractères.')).toBeVisible();
  await expect(page.getByLabel('Votre commentaire')).toHaveAttribute('aria-invalid', 'true');
  await star(page, 4).click();
  await expect(summary(page)).toHaveText('4/5 · 1 avis');
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('#evaluer').include('#commentaires').analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  }
  await context.close();
});
