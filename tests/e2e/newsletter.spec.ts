import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect, test, type Page } from '@playwright/test';
import { linkIn, readMails, startSmtp, waitForMail } from '../fixtures/smtp';
import { newReader } from './fixtures/reader';
import { startStack, type Stack } from './fixtures/stack';

// The letter in a browser, with and without JavaScript, on a stack whose mail goes to a real SMTP
// listener and whose instance sends the letter itself (every second here).
const mailDir = mkdtempSync(path.join(tmpdir(), 'pdr-e2e-lettre-'));
const CONFIRM = 'Confirmez votre inscription à la lettre de Place des Réseaux';
const PIECE = '/interviews/valerie-march-place-des-reseaux';
let stack: Stack;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

test.beforeAll(async () => {
  smtp = await startSmtp(mailDir);
  stack = await startStack({ EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`, NEWSLETTER_INTERVAL_SECONDS: '1' });
});
test.afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

/** Opens the confirmation e-mail's link and presses its button. */
async function confirm(page: Page, email: string) {
  const mail = await waitForMail(mailDir, email, (m) => m.subject === CONFIRM);
  await page.goto(linkIn(mail, `${stack.baseUrl}/lettre/confirmer`));
  await page.getByRole('button', { name: 'Confirmer mon inscription' }).click();
  await expect(page.getByRole('status')).toContainText('C’est confirmé : vous recevrez la lettre');
}

test('a reader subscribes under a piece with JavaScript, confirms, and receives the next piece from the instance', async ({ browser }) => {
  const email = 'lectrice-js@exemple.fr';
  const { page, context } = await newReader(browser, { baseURL: stack.baseUrl });
  // The box asks who reads (a fresh form token, an account); the token says when the form was
  // shown: wait like a person before sending it.
  const visitor = page.waitForResponse((response) => response.url().endsWith('/api/newsletter/subscription'));
  await page.goto(PIECE);
  await visitor;
  await page.waitForTimeout(3100);
  const box = page.getByRole('region', { name: 'La lettre de Place des Réseaux' });
  await box.getByLabel('Votre adresse e-mail').fill(email);
  await box.getByLabel('une fois par semaine (le lundi)').check();
  await box.getByLabel('à chaque parution').check();
  await box.getByRole('button', { name: 'Recevoir la lettre' }).click();
  await expect(box.getByRole('status')).toContainText('un e-mail de confirmation vient d’y partir');
  await expect(page).toHaveURL(new RegExp(`${PIECE}$`));
  await confirm(page, email);

  // The scheduled piece falls due (its date moved to a minute ago, as the clock would move):
  // the instance's own round sends it, without a rebuild or a restart.
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  await client.query("UPDATE pieces SET published_at = now() - interval '1 minute' WHERE key = 'articles/article-a-paraitre'");
  await client.end();
  const letter = await waitForMail(mailDir, email, (m) => m.subject === 'Article : À paraître Zorglubesque', 15_000);
  expect(letter.text).toContain(`Lire : ${stack.baseUrl}/articles/article-a-paraitre`);

  // The letter's link leaves without signing in.
  await page.goto(/Se désinscrire en un clic : (\S+)/.exec(letter.text)?.[1] ?? '');
  await page.getByRole('button', { name: 'Me désinscrire' }).click();
  await expect(page.getByRole('status')).toContainText('vous ne recevrez plus la lettre');
  await context.close();
});

test('without JavaScript, the form of /lettre subscribes and says so on the page', async ({ browser }) => {
  const email = 'lecteur-sans-js@exemple.fr';
  const { page, context } = await newReader(browser, { baseURL: stack.baseUrl, javaScriptEnabled: false });
  await page.goto('/lettre');
  await page.waitForTimeout(3100);
  const form = page.getByRole('form', { name: 'S’inscrire à la lettre' });
  await form.getByLabel('Votre adresse e-mail').fill(email);
  await form.getByLabel('une fois par semaine (le lundi)').check();
  await form.getByRole('button', { name: 'Recevoir la lettre' }).click();
  await expect(page).toHaveURL(/\/lettre\?inscription=envoye#inscription$/);
  await expect(page.getByRole('status').first()).toContainText('un e-mail de confirmation vient d’y partir');
  await confirm(page, email);
  expect(readMails(mailDir).filter((mail) => mail.to.includes(email)).map((mail) => mail.subject)).toEqual([CONFIRM]);
  await context.close();
});
