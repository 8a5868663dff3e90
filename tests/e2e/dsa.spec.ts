import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { newReader as newStackReader } from './fixtures/reader';
import { addEditor } from './fixtures/editor';
import { startStack, type Stack } from './fixtures/stack';

// The Digital Services Act in Chromium: « Signaler un contenu illicite » sent without JavaScript,
// the desk's « Notification DSA » decided, and every new page accessible (axe) in light and dark,
// wide and at 360 px. Comments are published at once on this stack.
let stack: Stack;
const EDITOR_SESSION = 'dsa-editor';
const PIECE = 'articles/choisir-un-seul-reseau-pour-commencer';

test.beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post', COMMENTS_CLOSE_AFTER_DAYS: '0' });
  await addEditor(stack, { email: 'dsa-bureau@exemple.fr', name: 'Nelly du bureau', token: EDITOR_SESSION });
});
test.afterAll(async () => stack?.stop());

const newReader = (browser: Browser, javaScriptEnabled = true) => newStackReader(browser, { baseURL: stack.baseUrl, javaScriptEnabled });

async function comment(author: string, body: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/pieces/${PIECE}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': '198.18.7.7' },
    body: JSON.stringify({ author, body }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

async function reloadUntil(page: Page, url: string, text: string) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

async function expectAccessible(page: Page, url: string, include?: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      const builder = new AxeBuilder({ page });
      const { violations } = await (include ? builder.include(include) : builder).analyze();
      expect(violations.map((v) => `${url} ${colorScheme} ${width}px: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  }
}

test('without JavaScript, « Signaler un contenu illicite » sends a notice and gives its reference', async ({ browser }) => {
  const id = await comment('Rémi', 'Le voisin de l’auteur fraude le fisc, je le tiens de source sûre.');
  const { page, context } = await newReader(browser, false);
  await reloadUntil(page, `/${PIECE}`, 'fraude le fisc');
  const item = page.locator(`#commentaire-${id}`);
  await item.getByRole('link', { name: 'Signaler un contenu illicite' }).click();
  await expect(page).toHaveURL(new RegExp(`/signalement\\?commentaire=${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Signaler un contenu illicite');
  await expect(page.getByText('fraude le fisc')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'charte des commentaires', exact: true })).toHaveAttribute('href', '/charte');
  const form = page.getByRole('form', { name: 'Signaler un contenu illicite' });
  await expect(form).toHaveAttribute('action', '/signalement/envoi');
  await form.getByLabel('Motif').selectOption({ label: 'Injure ou diffamation' });
  await form.getByLabel('En quoi ce contenu est-il illicite ?').fill('Une accusation de fraude fiscale, sans preuve, contre une personne reconnaissable.');
  await form.getByLabel('Votre nom').fill('Alex Martin');
  await form.getByLabel('Votre e-mail').fill('alex.martin@exemple.fr');
  await form.getByLabel(/Je déclare de bonne foi/).check();
  await form.getByRole('button', { name: 'Envoyer la notification' }).click();
  await expect(page).toHaveURL(/reference=DSA-/);
  await expect(page.getByRole('status')).toContainText(/enregistrée sous la référence DSA-\d{4}-[0-9A-Z]{5}/);
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ notifier_name: string; ground: string }>('SELECT notifier_name, ground FROM notices WHERE comment_id = $1', [id]);
  await client.end();
  expect(rows).toEqual([{ notifier_name: 'Alex Martin', ground: 'defamation' }]);
  // The comment form leads to the charte, without JavaScript too.
  await page.goto(`/${PIECE}`);
  await expect(page.getByRole('form', { name: 'Laisser un commentaire' }).getByRole('link', { name: 'charte des commentaires', exact: true })).toHaveAttribute('href', '/charte');
  await context.close();
});

test('the desk decides a « Notification DSA »; /charte, /transparence, the form and the desk’s notices are accessible', async ({ browser }) => {
  // Sixteen axe runs (four pages, two themes, two widths) before the decision: past the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const id = await comment('Sacha', 'Voici l’adresse personnelle et le téléphone de l’auteur : venez lui dire ce que vous pensez.');
  const notice = await fetch(`${stack.baseUrl}/api/comments/${id}/notices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': '198.18.7.8' },
    body: JSON.stringify({ ground: 'privacy', explanation: 'Publication de l’adresse personnelle de l’auteur.', name: 'Claude Petit', email: 'claude.petit@exemple.fr', goodFaith: true }),
  });
  expect(notice.status).toBe(201);
  const { reference } = ((await notice.json()) as { notice: { reference: string } }).notice;

  const { page, context } = await newReader(browser);
  await expectAccessible(page, '/charte');
  await expectAccessible(page, '/transparence');
  await expectAccessible(page, `/signalement?commentaire=${id}`);
  await context.addCookies([{ name: 'next-auth.session-token', value: EDITOR_SESSION, url: stack.baseUrl }]);
  await expectAccessible(page, '/redaction', 'section[aria-labelledby="notifications-titre"]');

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/redaction');
  const section = page.getByRole('region', { name: /Notifications DSA/ });
  await expect(section).toContainText(reference);
  await expect(section).toContainText('Atteinte à la vie privée');
  await expect(section).toContainText('Claude Petit');
  const form = section.getByRole('form', { name: `Décider la notification ${reference}` });
  await expect(form).toHaveAttribute('action', '/redaction');
  await form.getByLabel('Décision').selectOption({ label: 'Contenu illicite' });
  await form.getByLabel(/Explication/).fill('Coordonnées personnelles publiées avec un appel à s’en servir.');
  await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await expect(page.getByText(`Notification ${reference} décidée`)).toBeVisible();
  const reader = await newReader(browser);
  await expect(async () => {
    await reader.page.goto(`/${PIECE}`);
    await expect(reader.page.getByText('adresse personnelle et le téléphone')).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await reader.context.close();
  await context.close();
});
