import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { readMails, startSmtp } from '../fixtures/smtp';
import { XSS_PAYLOADS } from '../fixtures/xss-payloads';
import { startStack, type Stack } from './fixtures/stack';

// The whole corpus, posted as names, comments and report details, then shown where it is
// rendered: the piece's page, the editors' desk, the notification emails. Nothing may run.
const EDITOR = 'redaction@exemple.fr';
const PIECE = 'articles/archive-07';
const mailDir = mkdtempSync(path.join(tmpdir(), 'pdr-xss-mail-'));
let stack: Stack;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

test.beforeAll(async () => {
  smtp = await startSmtp(mailDir);
  stack = await startStack({
    EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
    EDITOR_EMAILS: EDITOR,
    RATE_COMMENTS_PER_MINUTE_READER: '1000',
    RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000',
    RATE_REPORTS_PER_MINUTE_READER: '1000',
  });
});
test.afterAll(async () => {
  await stack?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

async function api(method: string, url: string, body: unknown, cookie = ''): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.baseUrl}${url}`, {
    method,
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });
  expect(response.status, `${method} ${url}`).toBeLessThan(300);
  return (await response.json()) as Record<string, unknown>;
}

async function editorCookie(): Promise<string> {
  const client = new pg.Client({ connectionString: stack.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>("INSERT INTO users (email, role) VALUES ($1, 'editor') RETURNING id", [EDITOR]);
  await client.query("INSERT INTO sessions (session_token, user_id, expires) VALUES ('xss-editor', $1, now() + interval '1 day')", [rows[0]?.id]);
  await client.end();
  return 'next-auth.session-token=xss-editor';
}

function watchForScripts(page: Page): string[] {
  const ran: string[] = [];
  page.on('dialog', async (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('pageerror', (error) => ran.push(`error: ${error.message}`));
  return ran;
}

test(`${XSS_PAYLOADS.length} hostile strings show as text on the piece, in the desk and in the emails, and run nothing`, async ({ browser }) => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(150);
  const editor = await editorCookie();
  const top = (await api('POST', `/api/pieces/${PIECE}/comments`, { author: 'Sujet', body: 'Le fil de test.', email: 'auteur@exemple.fr', notify: true })).comment as { id: string };
  await api('POST', '/api/moderation/comments', { ids: [top.id], action: 'approve' }, editor);
  const ids: string[] = [];
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const name = payload.trim().length > 0 && payload.length <= 60 ? payload : `Testeur ${i}`;
    const { comment } = await api('POST', `/api/pieces/${PIECE}/comments`, { author: name, body: `Texte ${i} : ${payload}`, parentId: top.id });
    ids.push((comment as { id: string }).id);
  }

  // The desk, with every comment pending.
  const context = await browser.newContext({ baseURL: stack.baseUrl });
  await context.addCookies([{ name: 'next-auth.session-token', value: 'xss-editor', url: stack.baseUrl }]);
  const desk = await context.newPage();
  const ranOnDesk = watchForScripts(desk);
  await desk.goto('/redaction');
  const deskText = await desk.locator('main').innerText();
  for (const [i] of XSS_PAYLOADS.entries()) expect(deskText).toContain(`Texte ${i} :`);
  expect(deskText).toContain('<script>alert(1)</script>');

  // Published, then reported with the same strings as details.
  for (let start = 0; start < ids.length; start += 200) {
    await api('POST', '/api/moderation/comments', { ids: ids.slice(start, start + 200), action: 'approve' }, editor);
  }
  for (const [i, payload] of XSS_PAYLOADS.slice(0, 60).entries()) {
    await api('POST', `/api/comments/${ids[i]}/reports`, { reason: 'other', details: payload.slice(0, 1000) });
  }
  await desk.reload();
  await expect(desk.getByRole('list', { name: 'Signalements' }).first()).toBeVisible();
  expect(await desk.locator('main').innerText()).toContain('Signalé : autre — <img src=x onerror=alert(1)>');

  // The piece's page, every reply under the top comment.
  const page = await context.newPage();
  const ranOnPiece = watchForScripts(page);
  await page.goto(`/${PIECE}`);
  const thread = page.locator('#commentaires');
  const text = (await thread.innerText()).replace(/\u200B/g, '');
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const firstLine = payload.split('\n')[0]?.trim() ?? '';
    expect(text, `payload ${i}`).toContain(`Texte ${i} :`);
    if (firstLine) expect(text, `payload ${i}`).toContain(firstLine.replace(/\u200B/g, ''));
  }
  await expect(thread.locator('script, img, iframe, object, embed, svg[onload], marquee, video, audio, style, base, meta')).toHaveCount(0);
  // The only javascript: form actions are React's own guards on the forms it submits itself.
  const formActions = await thread.locator('form[action^="javascript"]').evaluateAll((forms) => forms.map((form) => form.getAttribute('action') ?? ''));
  expect(formActions.filter((action) => !action.startsWith("javascript:throw new Error('A React form was unexpectedly submitted."))).toEqual([]);
  await expect(thread.locator('a[href^="javascript:"], a[href^="data:"], [onerror], [onload], [onclick], [onfocus]')).toHaveCount(0);
  await page.mouse.move(200, 300);
  await page.waitForTimeout(300);

  // The reply notifications: plain text, the names as typed.
  await expect.poll(() => readMails(mailDir).filter((mail) => mail.to.includes('auteur@exemple.fr')).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(50);
  const subjects = readMails(mailDir).map((mail) => mail.subject);
  expect(subjects).toContain('<img src=x onerror=alert(1)> a répondu à votre commentaire');
  expect(readMails(mailDir).every((mail) => !('content-type' in mail.headers) || !mail.headers['content-type']?.includes('html'))).toBe(true);

  expect([...ranOnDesk, ...ranOnPiece]).toEqual([]);
  await context.close();
});
