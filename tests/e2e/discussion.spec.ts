import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { newReader as newStackReader, openPiece } from './fixtures/reader';
import { startStack, type Stack } from './fixtures/stack';

// Comments published at once (COMMENT_MODERATION=post), on a stack of their own.
let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post', RATE_COMMENTS_PER_MINUTE_READER: '50', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
});
test.afterAll(async () => stack?.stop());

const newReader = (browser: Browser) => newStackReader(browser, { baseURL: stack.baseUrl });

async function submitAfterThreeSeconds(page: Page, shownAt: number, button: ReturnType<Page['getByRole']>) {
  const wait = shownAt + 3200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await button.click();
}

async function apiComment(piece: string, author: string, body: string, parentId?: string) {
  const response = await fetch(`${stack.baseUrl}/api/pieces/${piece}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl },
    body: JSON.stringify({ author, body, parentId }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

test('a comment appears at once, replies go under it, and its author edits then deletes it', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  const shownAt = await openPiece(page, '/articles/archive-02');
  const form = page.locator('form[aria-label="Laisser un commentaire"]');
  await form.getByLabel('Nom').fill('Agnès');
  const text = 'Première ligne\nseconde ligne\n\nVoir https://exemple.fr/guide.';
  await form.getByLabel('Votre commentaire').fill(text);
  await expect(form.getByText(new RegExp(`^${text.length} / 4\\s000 caractères$`))).toBeVisible();
  await submitAfterThreeSeconds(page, shownAt, form.getByRole('button', { name: 'Publier le commentaire' }));
  await expect(page.getByText('Merci, votre commentaire est publié.')).toBeVisible();

  const comment = page.getByRole('article', { name: 'Commentaire de Agnès' });
  await expect(comment).toBeVisible();
  await expect(page.getByRole('heading', { name: /Commentaires/ })).toContainText('(1 commentaire)');
  await expect(comment.locator('p').first()).toContainText('Première ligne');
  await expect(comment.locator('br')).toHaveCount(1);
  const link = comment.getByRole('link', { name: 'https://exemple.fr/guide' });
  await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
  await expect(comment.getByText(/à l’instant|il y a/)).toBeVisible();
  await expect(comment.locator('time')).toHaveAttribute('title', /\d{4} à \d{2}:\d{2}/);

  await comment.getByRole('button', { name: 'Répondre' }).click();
  const replyForm = comment.getByRole('form', { name: 'Répondre à ce commentaire' });
  await replyForm.getByLabel('Nom').fill('Bruno');
  await replyForm.getByLabel('Votre réponse').fill('Je confirme.');
  await submitAfterThreeSeconds(page, shownAt, replyForm.getByRole('button', { name: 'Répondre' }));
  const replies = page.getByRole('list', { name: 'Réponses à Agnès' });
  await expect(replies.getByRole('article', { name: 'Commentaire de Bruno' })).toBeVisible();

  await comment.getByRole('button', { name: 'Modifier' }).first().click();
  await comment.getByRole('form', { name: 'Modifier votre commentaire' }).getByLabel('Votre commentaire').fill('Texte corrigé.');
  await comment.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(comment.getByText('Texte corrigé.')).toBeVisible();
  await expect(comment.getByText('modifié')).toBeVisible();

  const other = await newReader(browser);
  await openPiece(other.page, '/articles/archive-02');
  await expect(other.page.getByText('Texte corrigé.')).toBeVisible();
  await expect(other.page.getByRole('article', { name: 'Commentaire de Agnès' }).getByRole('button', { name: 'Modifier' })).toHaveCount(0);

  await comment.getByRole('button', { name: 'Supprimer' }).first().click();
  await comment.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByText('Commentaire supprimé par son auteur.')).toBeVisible();
  await expect(page.getByText('Texte corrigé.')).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Réponses à un commentaire supprimé' }).getByText('Je confirme.')).toBeVisible();
  await context.close();
  await other.context.close();
});

test('the edit and delete buttons disappear once 15 minutes have passed', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  await page.clock.install();
  const shownAt = await openPiece(page, '/articles/archive-03');
  await page.getByLabel('Nom').fill('Claire');
  await page.getByLabel('Votre commentaire').fill('Je pourrai me corriger un moment.');
  await submitAfterThreeSeconds(page, shownAt, page.getByRole('button', { name: 'Publier le commentaire' }));
  const comment = page.getByRole('article', { name: 'Commentaire de Claire' });
  await expect(comment.getByRole('button', { name: 'Modifier' })).toBeVisible();
  // The page's clock moves 16 minutes on: the buttons go, as the server's window has closed.
  await page.clock.fastForward('16:00');
  await expect(comment.getByRole('button', { name: 'Modifier' })).toHaveCount(0);
  await expect(comment.getByRole('button', { name: 'Supprimer' })).toHaveCount(0);
  await expect(comment.getByRole('button', { name: 'Signaler' })).toBeVisible();
  await context.close();
});

test('any reader reports a comment with a reason', async ({ browser }) => {
  await apiComment('articles/archive-04', 'Douteux', 'Un commentaire à signaler.');
  const { page, context } = await newReader(browser);
  await openPiece(page, '/articles/archive-04');
  const comment = page.getByRole('article', { name: 'Commentaire de Douteux' });
  await comment.getByRole('button', { name: 'Signaler' }).click();
  const form = comment.getByRole('form', { name: 'Signaler ce commentaire' });
  await form.getByLabel('Hors sujet').check();
  await form.getByLabel(/Précisions/).fill('Rien à voir avec l’article.');
  const { violations } = await new AxeBuilder({ page }).include('#commentaires').analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await form.getByRole('button', { name: 'Envoyer le signalement' }).click();
  await expect(comment.getByText('Merci, la rédaction va examiner ce commentaire.')).toBeVisible();
  await context.close();
});

test('« Voir plus de commentaires » loads the next page', async ({ browser }) => {
  for (let i = 1; i <= 23; i++) await apiComment('articles/archive-05', `Lecteur ${i}`, `Commentaire ${i}`);
  const { page, context } = await newReader(browser);
  await openPiece(page, '/articles/archive-05');
  const thread = page.locator('#commentaires');
  await expect(thread.getByRole('article')).toHaveCount(10);
  await expect(page.getByRole('heading', { name: /Commentaires/ })).toContainText('(23 commentaires)');
  await page.getByRole('link', { name: 'Voir plus de commentaires' }).click();
  await expect(thread.getByRole('article')).toHaveCount(20);
  await page.getByRole('link', { name: 'Voir plus de commentaires' }).click();
  await expect(thread.getByRole('article')).toHaveCount(23);
  await expect(thread.getByRole('article').last()).toContainText('Commentaire 23');
  await expect(page.getByRole('link', { name: 'Voir plus de commentaires' })).toHaveCount(0);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? '{}');
  expect(jsonLd.commentCount).toBe(23);
  expect(jsonLd.comment).toHaveLength(10);
  expect(jsonLd.comment[0]).toMatchObject({ '@type': 'Comment', author: { '@type': 'Person', name: 'Lecteur 1' }, text: 'Commentaire 1' });
  await page.goto('/articles/page/2');
  await expect(page.getByRole('article').filter({ hasText: 'Archive numéro 05' })).toContainText('23 commentaires');
  await context.close();
});

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">clic</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '{{constructor.constructor("alert(1)")()}}',
];

test('ten XSS payloads in names and bodies show as text and run nothing', async ({ browser }) => {
  for (const payload of PAYLOADS) await apiComment('articles/archive-06', payload, `Texte : ${payload}`);
  const { page, context } = await newReader(browser);
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await openPiece(page, '/articles/archive-06');
  for (const payload of PAYLOADS) {
    await expect(page.getByRole('article', { name: `Commentaire de ${payload}` })).toHaveCount(1);
    await expect(page.getByText(`Texte : ${payload}`, { exact: true })).toBeVisible();
  }
  await expect(page.locator('#commentaires script, #commentaires img, #commentaires iframe, #commentaires svg[onload]')).toHaveCount(0);
  await expect(page.locator('#commentaires a[href^="javascript:"]')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  await context.close();
});
