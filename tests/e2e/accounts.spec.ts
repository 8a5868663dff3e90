import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { linkIn, startSmtp, waitForMail } from '../fixtures/smtp';
import { startStack, type Stack } from './fixtures/stack';

// Accounts by magic link and the editors' desk, on a stack whose mail goes to a real SMTP listener.
const EDITOR = 'redaction@exemple.fr';
// A second editor: each address signs in once here (the mailbox keeps every link it was sent).
const LETTER_EDITOR = 'redaction-lettre@exemple.fr';
const mailDir = mkdtempSync(path.join(tmpdir(), 'pdr-e2e-mail-'));
let stack: Stack;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

test.beforeAll(async () => {
  smtp = await startSmtp(mailDir);
  stack = await startStack({ EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`, EDITOR_EMAILS: `${EDITOR},${LETTER_EDITOR}` });
});
test.afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

async function newBrowser(browser: Browser) {
  const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  return { context, page: await context.newPage() };
}

/** Asks for a link, reads it in the mail received, follows it. */
async function signIn(page: Page, email: string) {
  await page.goto('/connexion');
  await page.getByLabel('Votre adresse e-mail').fill(email);
  await page.getByRole('button', { name: 'Recevoir mon lien de connexion' }).click();
  await expect(page.getByRole('heading', { name: 'Vérifiez votre boîte mail' })).toBeVisible();
  const mail = await waitForMail(mailDir, email, (m) => m.subject === 'Votre lien de connexion à Place des Réseaux');
  await page.goto(linkIn(mail, `${stack.baseUrl}/api/auth/callback/email`));
}

test('a reader signs in with the link received by mail, and names their comments', async ({ browser }) => {
  const { page, context } = await newBrowser(browser);
  await signIn(page, 'lectrice@exemple.fr');
  await expect(page).toHaveURL(/\/compte$/);
  await expect(page.getByText('Connecté avec lectrice@exemple.fr')).toBeVisible();
  await page.getByLabel('Nom affiché sur vos commentaires').fill('Louise');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Votre nom est enregistré')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  const me = page.waitForResponse((response) => response.url().endsWith('/me'));
  await page.goto('/articles/archive-02');
  await me;
  const shownAt = Date.now();
  await expect(page.getByText('Vous commentez en tant que Louise')).toBeVisible();
  await page.getByLabel('Votre commentaire').fill('Signé de mon compte, publié sans attendre.');
  await page.waitForTimeout(Math.max(0, shownAt + 3200 - Date.now()));
  await page.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(page.getByRole('article', { name: 'Commentaire de Louise' })).toBeVisible();
  await context.close();
});

test('an editor approves, from the desk, a guest’s comment that readers then see', async ({ browser }) => {
  const guest = await newBrowser(browser);
  const me = guest.page.waitForResponse((response) => response.url().endsWith('/me'));
  await guest.page.goto('/articles/archive-03');
  await me;
  const shownAt = Date.now();
  await guest.page.getByLabel('Nom').fill('Invité');
  await guest.page.getByLabel('Votre commentaire').fill('En attente de la rédaction.');
  await guest.page.waitForTimeout(Math.max(0, shownAt + 3200 - Date.now()));
  await guest.page.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(guest.page.getByText('Votre commentaire est en attente de modération.', { exact: true })).toBeVisible();

  const reader = await newBrowser(browser);
  await signIn(reader.page, 'simple-lecteur@exemple.fr');
  expect((await reader.page.goto('/redaction'))?.status()).toBe(403);

  const desk = await newBrowser(browser);
  expect((await desk.page.goto('/redaction'))?.status()).toBe(401);
  await signIn(desk.page, EDITOR);
  const response = await desk.page.goto('/redaction');
  expect(response?.status()).toBe(200);
  const item = desk.page.getByRole('listitem', { name: 'Commentaire de Invité' });
  await expect(item.getByText('En attente de la rédaction.')).toBeVisible();
  const { violations } = await new AxeBuilder({ page: desk.page }).analyze();
  expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await item.getByRole('button', { name: 'Approuver' }).click();
  await expect(desk.page.getByText('1 décision(s) enregistrée(s).')).toBeVisible();
  await expect(desk.page.getByRole('listitem', { name: 'Commentaire de Invité' })).toHaveCount(0);

  await desk.page.goto('/redaction/journal');
  await expect(desk.page.getByRole('row').filter({ hasText: EDITOR }).filter({ hasText: 'Approuver' })).toHaveCount(1);

  const other = await newBrowser(browser);
  await other.page.goto('/articles/archive-03');
  await expect(other.page.getByRole('article', { name: 'Commentaire de Invité' })).toContainText('En attente de la rédaction.');
  for (const { context } of [guest, reader, desk, other]) await context.close();
});

test('an editor sees the letter in the desk and sends themselves the next one as a test', async ({ browser }) => {
  const desk = await newBrowser(browser);
  await signIn(desk.page, LETTER_EDITOR);
  expect((await desk.page.goto('/redaction/lettre'))?.status()).toBe(200);
  await expect(desk.page.getByRole('heading', { name: 'La lettre', level: 1 })).toBeVisible();
  await expect(desk.page.getByText('À chaque parution')).toBeVisible();
  const { violations } = await new AxeBuilder({ page: desk.page }).analyze();
  expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await desk.page.getByRole('button', { name: 'Renvoyer le test à moi-même : prochaine parution' }).click();
  await expect(desk.page.getByRole('status').filter({ hasText: 'Lettre de test envoyée' })).toHaveText(`Lettre de test envoyée à ${LETTER_EDITOR}.`);
  const mail = await waitForMail(mailDir, LETTER_EDITOR, (m) => m.subject.startsWith('[Test] '));
  expect(mail.subject).toBe('[Test] Article : À paraître Zorglubesque');
  const csv = await desk.page.request.get('/redaction/lettre/abonnes.csv');
  expect(csv.status()).toBe(200);
  expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('adresse,rythme,inscrit_le,confirme_le');
  await desk.context.close();
});
