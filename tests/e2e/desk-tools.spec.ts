import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser } from '@playwright/test';
import pg from 'pg';
import { addEditor, newEditor as newStackEditor } from './fixtures/editor';
import { startStack, type Stack } from './fixtures/stack';

// The desk's tools in Chromium: the queue's keyboard shortcuts, « Écrire à l’auteur », a reader's
// history and its notes (with and without JavaScript), and axe on the desk's pages. Comments wait
// for an editor on this stack (pre-moderation).
let stack: Stack;
const EDITOR_SESSION = 'desk-tools-editor';
const PIECE = 'articles/archive-05';

test.beforeAll(async () => {
  stack = await startStack({ RATE_COMMENTS_PER_MINUTE_READER: '100', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
  await addEditor(stack, { email: 'pupitre@exemple.fr', name: 'Nelly du pupitre', token: EDITOR_SESSION });
});
test.afterAll(async () => stack?.stop());

const newEditor = (browser: Browser, javaScriptEnabled = true) => newStackEditor(browser, stack, EDITOR_SESSION, javaScriptEnabled);

async function comment(author: string, body: string, email?: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/pieces/${PIECE}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl },
    body: JSON.stringify({ author, body, email }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

async function statusOf(id: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ status: string }>('SELECT status FROM comments WHERE id = $1', [id]);
  await client.end();
  return rows[0]?.status;
}

test('the queue’s shortcuts: j / k mark an item, a approves it, r rejects it, s marks it as spam, never while typing; ? shows the list', async ({ browser }) => {
  const oldest = await comment('Aline', 'Le plus ancien des trois.');
  const middle = await comment('Bruno', 'Celui du milieu, à rejeter.');
  const newest = await comment('Chloé', 'Le plus récent, à approuver.');
  const { page, context } = await newEditor(browser);
  await page.goto('/redaction');
  const keyboard = page.locator('details[data-keyboard="on"]');
  await expect(keyboard).toHaveCount(1);
  const item = (id: string) => page.locator(`#file-${id}`);

  // The list of shortcuts is on the page; ? opens and closes it.
  await expect(page.getByText('Raccourcis clavier (touche ?)')).toBeVisible();
  await expect(page.getByText('commentaire suivant')).toBeHidden();
  await page.keyboard.press('?');
  await expect(page.getByText('commentaire suivant')).toBeVisible();
  await expect(page.getByText('approuver le commentaire marqué')).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByText('commentaire suivant')).toBeHidden();

  // Newest first: j marks it, j the next, k back; the marked item has the focus.
  await page.keyboard.press('j');
  await expect(item(newest)).toHaveAttribute('aria-current', 'true');
  await expect(item(newest)).toBeFocused();
  await page.keyboard.press('j');
  await expect(item(middle)).toHaveAttribute('aria-current', 'true');
  await expect(item(newest)).not.toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('k');
  await expect(item(newest)).toHaveAttribute('aria-current', 'true');

  // « a » typed in a field is text, not a decision.
  const reason = page.getByRole('form', { name: 'Décider pour la sélection' }).getByLabel('Motif', { exact: true });
  await reason.click();
  await page.keyboard.type('a r s j');
  await expect(reason).toHaveValue('a r s j');
  // Had a key been taken for a decision, its request would have left by now: the queue, reloaded, is whole.
  await page.reload();
  await expect(keyboard).toHaveCount(1);
  for (const id of [newest, middle, oldest]) await expect(item(id)).toHaveCount(1);
  expect(await statusOf(newest)).toBe('pending');
  await page.keyboard.press('j');
  await expect(item(newest)).toHaveAttribute('aria-current', 'true');

  // a approves the marked item; the one now at its place is marked; r rejects it.
  await page.keyboard.press('a');
  await expect(item(newest)).toHaveCount(0);
  await expect(page.getByText('1 décision(s) enregistrée(s).')).toBeVisible();
  expect(await statusOf(newest)).toBe('published');
  await expect(item(middle)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('r');
  await expect(item(middle)).toHaveCount(0);
  expect(await statusOf(middle)).toBe('rejected');
  await expect(item(oldest)).toHaveAttribute('aria-current', 'true');
  expect(await statusOf(oldest)).toBe('pending');
  await page.keyboard.press('s');
  await expect(item(oldest)).toHaveCount(0);
  expect(await statusOf(oldest)).toBe('spam');
  await expect(page.getByText('Rien n’attend la rédaction.')).toBeVisible();
  await context.close();
});

test('« Écrire à l’auteur » from the queue, and the reader’s history with its notes, with JavaScript', async ({ browser }) => {
  const id = await comment('Denise', 'Un commentaire dont l’autrice a donné son e-mail.', 'denise@exemple.fr');
  await comment('Émile', 'Sans e-mail : personne à qui écrire.');
  const { page, context } = await newEditor(browser);
  await page.goto('/redaction');
  await expect(page.getByRole('listitem', { name: 'Commentaire de Émile' }).getByText('Écrire à l’auteur')).toHaveCount(0);
  const item = page.locator(`#file-${id}`);
  await item.getByText('Écrire à l’auteur').click();
  const form = item.getByRole('form', { name: 'Écrire à Denise' });
  await form.getByLabel('Objet').fill('Votre commentaire');
  await form.getByLabel('Message').fill('Bonjour Denise, merci de votre patience.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(form.getByText('Message envoyé à denise@exemple.fr.')).toBeVisible();

  await item.getByRole('link', { name: /Historique du lecteur/ }).click();
  await expect(page).toHaveURL(new RegExp(`/redaction/lecteurs\\?commentaire=${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Historique du lecteur Denise');
  await expect(page.getByText('Bonjour Denise, merci de votre patience.')).toBeVisible();
  await page.getByLabel('Nouvelle note (visible de la rédaction seule)').fill('Lectrice fidèle, ton parfois vif.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(page.getByText('Note ajoutée.')).toBeVisible();
  await expect(page.getByText('Lectrice fidèle, ton parfois vif.')).toBeVisible();
  await expect(page.getByText('pupitre@exemple.fr, le ')).toBeVisible();
  await context.close();
});

// Without JavaScript the forms post to their page (useActionState's permalink) and the action is
// done; the page that comes back does not show the form's own message (Next 16.4 renders it
// without the action's state), so what is checked is what the action did.
test('without JavaScript: a note, a message and a decision post to the page itself and are done', async ({ browser }) => {
  const id = await comment('Fanny', 'Décidée sans JavaScript.', 'fanny@exemple.fr');
  const { page, context } = await newEditor(browser, false);
  await page.goto(`/redaction/lecteurs?commentaire=${id}`);
  await expect(page.getByRole('form', { name: 'Ajouter une note sur ce lecteur' })).toHaveAttribute('action', `/redaction/lecteurs?commentaire=${id}`);
  await page.getByLabel('Nouvelle note (visible de la rédaction seule)').fill('Note écrite sans JavaScript.');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(page).toHaveURL(new RegExp(`/redaction/lecteurs\\?commentaire=${id}$`));
  await expect(page.getByText('Note écrite sans JavaScript.')).toBeVisible();

  await page.goto('/redaction');
  const item = page.locator(`#file-${id}`);
  await item.getByText('Écrire à l’auteur').click();
  const form = item.getByRole('form', { name: 'Écrire à Fanny' });
  await expect(form).toHaveAttribute('action', '/redaction');
  await form.getByLabel('Objet').fill('Sans script');
  await form.getByLabel('Message').fill('Écrit depuis un navigateur sans JavaScript.');
  await form.getByRole('button', { name: 'Envoyer' }).click();
  await expect(page).toHaveURL(/\/redaction$/);
  await page.goto(`/redaction/lecteurs?commentaire=${id}`);
  await expect(page.getByText('Écrit depuis un navigateur sans JavaScript.')).toBeVisible();

  await page.goto('/redaction');
  await expect(page.getByRole('form', { name: 'Décider pour le commentaire de Fanny' })).toHaveAttribute('action', '/redaction');
  await page.locator(`#file-${id}`).getByRole('button', { name: 'Rejeter' }).click();
  await expect(page.locator(`#file-${id}`)).toHaveCount(0);
  expect(await statusOf(id)).toBe('rejected');
  await context.close();
});

test('the desk’s pages pass axe in light and dark, at 1280 and 360 px', async ({ browser }) => {
  // Sixteen axe runs of 1.5 to 2.5 s each here: past the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const id = await comment('Gaspard', 'Pour l’accessibilité du pupitre.', 'gaspard@exemple.fr');
  const { page, context } = await newEditor(browser);
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      for (const url of ['/redaction', '/redaction/commentaires', `/redaction/lecteurs?commentaire=${id}`, '/redaction/bannis']) {
        await page.goto(url);
        if (url === '/redaction') {
          // With what the keyboard and the disclosures show: the marked item, the shortcuts, the message form.
          await expect(page.locator('details[data-keyboard="on"]')).toHaveCount(1);
          await page.keyboard.press('j');
          await page.keyboard.press('?');
          await expect(page.getByText('commentaire suivant')).toBeVisible();
          await page.locator(`#file-${id}`).getByText('Écrire à l’auteur').click();
          await expect(page.locator(`#file-${id}`).getByLabel('Objet')).toBeVisible();
        }
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(violations.map((v) => `${url} ${colorScheme} ${width}px: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
      }
    }
  }
  await context.close();
});
