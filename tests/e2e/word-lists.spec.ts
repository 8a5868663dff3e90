import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import { newReader as newStackReader, openPiece } from './fixtures/reader';
import { addEditor, newEditor as newStackEditor } from './fixtures/editor';
import { startStack, type Stack } from './fixtures/stack';

// The desk's word lists in Chromium, with and without JavaScript, and what a reader sees when a
// list refuses their comment. Comments are published at once on this stack (post-moderation).
let stack: Stack;
const EDITOR_SESSION = 'mots-editor';
const PIECE = '/articles/archive-09';

test.beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post', COMMENTS_CLOSE_AFTER_DAYS: '0', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
  await addEditor(stack, { email: 'mots@exemple.fr', name: 'Rédaction des mots', token: EDITOR_SESSION });
});
test.afterAll(async () => stack?.stop());

const newEditor = (browser: Browser, javaScriptEnabled = true) => newStackEditor(browser, stack, EDITOR_SESSION, javaScriptEnabled);

test('an editor keeps the lists in the desk, with and without JavaScript, and a bad term loses nothing typed', async ({ browser }) => {
  const { page, context } = await newEditor(browser);
  await page.goto('/redaction/mots');
  const refused = page.getByLabel(/^Termes refusés/);
  await refused.fill('escroc\n\ngrand méchant loup\n!!!');
  await page.getByLabel(/^Termes à vérifier/).fill('bébé');
  await page.getByRole('button', { name: 'Enregistrer les deux listes' }).click();
  await expect(page.getByRole('form', { name: 'Listes de mots' }).getByRole('alert')).toContainText('Termes refusés : « !!! » n’est fait que de ponctuation');
  await expect(refused).toHaveValue('escroc\n\ngrand méchant loup\n!!!');

  await refused.fill('escroc\n\ngrand méchant loup');
  await page.getByRole('button', { name: 'Enregistrer les deux listes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Listes enregistrées' })).toContainText('2 terme(s) refusé(s), 1 à vérifier');
  await page.reload();
  await expect(page.getByLabel(/^Termes refusés/)).toHaveValue('escroc\ngrand méchant loup');
  await expect(page.getByText('Termes refusés (2)')).toBeVisible();
  await context.close();

  // The same form, sent by a browser without JavaScript (its action is the page's own address): the
  // page comes back with the lists saved.
  const noScript = await newEditor(browser, false);
  await noScript.page.goto('/redaction/mots');
  await noScript.page.getByLabel(/^Termes à vérifier/).fill('bébé\nconcurrent déloyal');
  await noScript.page.getByRole('button', { name: 'Enregistrer les deux listes' }).click();
  await expect(noScript.page).toHaveURL(/\/redaction\/mots$/);
  await expect(noScript.page.getByText('Termes à vérifier (2)')).toBeVisible();
  await noScript.page.goto('/redaction/mots');
  await expect(noScript.page.getByLabel(/^Termes à vérifier/)).toHaveValue('bébé\nconcurrent déloyal');
  await noScript.context.close();
});

test('a reader whose comment holds a refused term reads why, without the term, and keeps their text without JavaScript', async ({ browser }) => {
  const editor = await newEditor(browser);
  const saved = await editor.page.request.put('/api/moderation/words', { data: { refused: ['escroc'] }, headers: { origin: stack.baseUrl } });
  expect(saved.status()).toBe(200);
  await editor.context.close();

  const { page, context } = await newStackReader(browser, { baseURL: stack.baseUrl });
  const shownAt = await openPiece(page, PIECE);
  const form = page.locator('form[aria-label="Laisser un commentaire"]');
  await form.getByLabel('Nom').fill('Lecteur fâché');
  await form.getByLabel('Votre commentaire').fill('Cet intervenant est un ESCROC.');
  const wait = shownAt + 3200 - Date.now();
  if (wait > 0) await page.waitForTimeout(wait);
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(form.getByText('Votre commentaire contient un terme que la rédaction n’accepte pas')).toBeVisible();
  await expect(form.getByLabel('Votre commentaire')).toHaveValue('Cet intervenant est un ESCROC.');
  await context.close();

  const noScript = await newStackReader(browser, { baseURL: stack.baseUrl, javaScriptEnabled: false });
  await noScript.page.goto(PIECE);
  const plain = noScript.page.locator('form[aria-label="Laisser un commentaire"]');
  await plain.getByLabel('Nom').fill('Lecteur fâché');
  await plain.getByLabel('Votre commentaire').fill('Un escroc, vraiment.');
  const [answer] = await Promise.all([noScript.page.waitForResponse((response) => response.url().endsWith('/commenter')), plain.getByRole('button', { name: 'Publier le commentaire' }).click()]);
  expect(answer.status()).toBe(422);
  await expect(noScript.page.getByRole('heading', { name: 'Votre commentaire n’a pas été publié' })).toBeVisible();
  await expect(noScript.page.getByText('Votre commentaire contient un terme que la rédaction n’accepte pas')).toBeVisible();
  await expect(noScript.page.getByLabel('Votre texte')).toHaveValue('Un escroc, vraiment.');
  await noScript.context.close();
});

test('the word lists and bans pages are accessible, light and dark, at 1280 and 360 px', async ({ browser }) => {
  const { page, context } = await newEditor(browser);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      for (const url of ['/redaction/mots', '/redaction/bannis']) {
        await page.goto(url);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${url} ${colorScheme} ${width}px: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
      }
    }
  }
  await context.close();
});
