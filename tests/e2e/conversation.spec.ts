import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { newReader as newStackReader, openPiece } from './fixtures/reader';
import { addEditor, newEditor as newStackEditor } from './fixtures/editor';
import { startStack, type Stack } from './fixtures/stack';

// The newsroom in the conversation, in Chromium: « Utile » with and without JavaScript, an
// editor's « Coup de cœur » from the page, the orders of the comments without JavaScript, and a
// piece closed while a reader was writing. Comments are published at once on this stack.
let stack: Stack;
const EDITOR_SESSION = 'conversation-editor';
test.beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post', COMMENTS_CLOSE_AFTER_DAYS: '0', RATE_COMMENTS_PER_MINUTE_READER: '50', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
  await addEditor(stack, { email: 'bureau@exemple.fr', name: 'Nelly du bureau', token: EDITOR_SESSION });
});
test.afterAll(async () => stack?.stop());

const newReader = (browser: Browser, javaScriptEnabled = true) => newStackReader(browser, { baseURL: stack.baseUrl, javaScriptEnabled });

const newEditor = (browser: Browser, javaScriptEnabled = true) => newStackEditor(browser, stack, EDITOR_SESSION, javaScriptEnabled);

async function api(method: string, path: string, body?: unknown, cookie = ''): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': '198.18.9.9', ...(cookie && { cookie }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function comment(piece: string, author: string, body: string, parentId?: string): Promise<string> {
  return ((await api('POST', `/api/pieces/${piece}/comments`, { author, body, parentId })).comment as { id: string }).id;
}

/** Reloads until the page shows `text` (a write revalidates the page; the first answer may come from before). */
async function reloadUntil(page: Page, url: string, text: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

test('« Utile » toggles in place with JavaScript, is remembered for the reader, and works without it', async ({ browser }) => {
  const id = await comment('articles/archive-03', 'Agathe', 'Un conseil vraiment utile pour animer un groupe.');
  const { page, context } = await newReader(browser);
  await openPiece(page, '/articles/archive-03');
  const item = page.locator(`#commentaire-${id}`);
  const useful = item.getByRole('button', { name: /^Utile/ });
  await expect(useful).toHaveAttribute('aria-pressed', 'false');
  await expect(useful).toContainText('aucun lecteur ne l’a encore trouvé utile');
  await useful.click();
  await expect(useful).toHaveAttribute('aria-pressed', 'true');
  await expect(useful).toContainText('1 lecteur a trouvé ce commentaire utile');
  await expect(useful).toContainText('Utile · 1');

  // Remembered for this reader, from any page load.
  await openPiece(page, '/articles/archive-03');
  await expect(item.getByRole('button', { name: /^Utile/ })).toHaveAttribute('aria-pressed', 'true');
  await item.getByRole('button', { name: /^Utile/ }).click();
  await expect(item.getByRole('button', { name: /^Utile/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(item.getByRole('button', { name: /^Utile/ })).not.toContainText('· 1');
  await context.close();

  const noScript = await newReader(browser, false);
  await noScript.page.goto('/articles/archive-03');
  await noScript.page.locator(`#commentaire-${id}`).getByRole('button', { name: /^Utile/ }).click();
  await expect(noScript.page).toHaveURL(new RegExp(`/articles/archive-03#commentaire-${id}$`));
  await expect(noScript.page.locator(`#commentaire-${id}`).getByRole('button', { name: /^Utile/ })).toContainText('Utile · 1');
  await noScript.context.close();
});

test('an editor makes a comment a « Coup de cœur » from the page: the strip shows it, its badge stays on their own reply', async ({ browser }) => {
  const id = await comment('articles/archive-04', 'Basile', 'Le réseau se construit avant d’en avoir besoin.');
  const editor = await newEditor(browser);
  const { page } = editor;
  await openPiece(page, '/articles/archive-04');
  const item = page.locator(`#commentaire-${id}`);
  await item.getByRole('button', { name: 'Coup de cœur', exact: true }).click();
  const strip = page.getByRole('region', { name: 'Coups de cœur de la rédaction' });
  await expect(strip).toContainText('Le réseau se construit avant d’en avoir besoin.');
  await expect(item.getByText('♥ Coup de cœur de la rédaction')).toBeVisible();
  await expect(strip.getByRole('link', { name: 'Lire dans la discussion' })).toHaveAttribute('href', `#commentaire-${id}`);

  // The editor's reply carries « La rédaction », for every reader.
  await item.getByRole('button', { name: 'Répondre' }).click();
  const reply = item.getByRole('form', { name: 'Répondre à ce commentaire' });
  await reply.getByLabel('Votre réponse').fill('Merci Basile, c’est tout l’esprit du magazine.');
  await page.waitForTimeout(3200);
  await reply.getByRole('button', { name: 'Répondre' }).click();
  const reader = await newReader(browser);
  await reloadUntil(reader.page, '/articles/archive-04', 'c’est tout l’esprit du magazine');
  const answer = reader.page.getByRole('article', { name: 'Commentaire de Nelly du bureau' });
  await expect(answer.getByText('La rédaction', { exact: true })).toBeVisible();
  await expect(reader.page.getByRole('button', { name: 'Coup de cœur', exact: true })).toHaveCount(0);

  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      for (const url of ['/articles/archive-04', '/redaction/commentaires']) {
        await page.goto(url);
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${url} ${colorScheme} ${width}px: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
      }
    }
  }
  // From the desk's list, taken back.
  await page.goto('/redaction/commentaires');
  const listed = page.getByRole('listitem', { name: 'Commentaire de Basile' });
  await listed.getByRole('button', { name: 'Retirer le coup de cœur' }).click();
  await expect(page.getByText('1 décision(s) enregistrée(s).')).toBeVisible();
  await reloadUntil(reader.page, '/articles/archive-04', 'Le réseau se construit');
  await expect(async () => {
    await reader.page.goto('/articles/archive-04');
    await expect(reader.page.getByRole('region', { name: 'Coups de cœur de la rédaction' })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await editor.context.close();
  await reader.context.close();
});

test('without JavaScript, « Les plus récents » and « Les plus utiles » order the comments pages, page after page', async ({ browser }) => {
  const piece = 'articles/archive-05';
  const ids: string[] = [];
  for (let n = 1; n <= 12; n++) ids.push(await comment(piece, `Lecteur ${n}`, `Avis numéro ${n} sur cet article.`));
  await api('PUT', `/api/comments/${ids[4]}/reaction`);
  const { page, context } = await newReader(browser, false);
  await reloadUntil(page, `/${piece}`, 'Avis numéro 10 sur');
  await page.getByRole('navigation', { name: 'Trier les commentaires' }).getByRole('link', { name: 'Les plus récents' }).click();
  await expect(page).toHaveURL(/commentaires\?tri=recents$/);
  const authors = () => page.locator('article > header bdi').allTextContents();
  expect((await authors()).slice(0, 3)).toEqual(['Lecteur 12', 'Lecteur 11', 'Lecteur 10']);
  await page.getByRole('link', { name: 'Commentaires suivants' }).click();
  await expect(page).toHaveURL(/tri=recents&apres=/);
  expect(await authors()).toEqual(['Lecteur 2', 'Lecteur 1']);
  await page.getByRole('link', { name: 'Les plus utiles' }).click();
  await expect(page).toHaveURL(/commentaires\?tri=utiles$/);
  await expect(page.locator('article > header bdi').first()).toHaveText('Lecteur 5');
  await context.close();
});

test('a piece closed while a reader writes: the message shows and the text stays, with and without JavaScript', async ({ browser }) => {
  const piece = 'articles/archive-06';
  const { page, context } = await newReader(browser);
  const shownAt = await openPiece(page, `/${piece}`);
  const form = page.locator('form[aria-label="Laisser un commentaire"]');
  await form.getByLabel('Nom').fill('Chloé');
  const text = 'Un long commentaire écrit avec soin, que la fermeture ne doit pas effacer.';
  await form.getByLabel('Votre commentaire').fill(text);

  const noScript = await newReader(browser, false);
  await noScript.page.goto(`/${piece}`);
  const plain = noScript.page.locator('form[aria-label="Laisser un commentaire"]');
  await plain.getByLabel('Nom').fill('Denis');
  await plain.getByLabel('Votre commentaire').fill('Écrit sans JavaScript, juste avant la fermeture.');

  await api('PUT', `/api/moderation/pieces/${piece}`, { comments: 'closed' }, `next-auth.session-token=${EDITOR_SESSION}`);

  await page.waitForTimeout(Math.max(0, shownAt + 3200 - Date.now()));
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(page.getByText('Les commentaires sont fermés pour ce contenu.')).toBeVisible();
  await expect(page.locator('form[aria-label="Laisser un commentaire"]').getByLabel('Votre commentaire')).toHaveValue(text);

  await plain.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(noScript.page.getByRole('heading', { name: 'Les commentaires sont fermés pour ce contenu.' })).toBeVisible();
  await expect(noScript.page.getByLabel('Votre texte')).toHaveValue('Écrit sans JavaScript, juste avant la fermeture.');

  // The piece itself now says so in place of the form; its comments and its rating stay.
  await reloadUntil(noScript.page, `/${piece}`, 'Les commentaires sont fermés pour ce contenu.');
  await expect(noScript.page.locator('form[aria-label="Laisser un commentaire"]')).toHaveCount(0);
  await expect(noScript.page.getByRole('heading', { name: 'Évaluer ce contenu' })).toBeVisible();
  await context.close();
  await noScript.context.close();
});
