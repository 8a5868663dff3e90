import { expect, test, type Browser, type Page } from '@playwright/test';
import { newReader as newStackReader, openPiece } from './fixtures/reader';
import { startStack, type Stack } from './fixtures/stack';

// New comments, live: two readers on one piece, each in a browser context of their own, on a
// stack whose comments are published at once (COMMENT_MODERATION=post).
let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack({ COMMENT_MODERATION: 'post', RATE_COMMENTS_PER_MINUTE_READER: '50', RATE_COMMENTS_PER_MINUTE_ADDRESS: '1000' });
});
test.afterAll(async () => stack?.stop());

const newReader = (browser: Browser, options: { javaScriptEnabled?: boolean } = {}) => newStackReader(browser, { baseURL: stack.baseUrl, ...options });

/** Opens a piece and waits until its live stream is open, with a marker that a reload or a navigation would lose. */
async function openLive(page: Page, url: string): Promise<number> {
  const stream = page.waitForResponse((response) => response.url().endsWith('/events'));
  const shownAt = await openPiece(page, url);
  expect((await stream).status()).toBe(200);
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
  return shownAt;
}

async function apiComment(piece: string, author: string, body: string, parentId?: string): Promise<string> {
  const response = await fetch(`${stack.baseUrl}/api/pieces${piece}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: stack.baseUrl, 'x-forwarded-for': '198.18.40.1' },
    body: JSON.stringify({ author, body, parentId }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { comment: { id: string } }).comment.id;
}

test('a comment written in one browser shows as a notice in the other within 2 s, and « Afficher » inserts it without reloading', async ({ browser }) => {
  const piece = '/articles/archive-04';
  const writer = await newReader(browser);
  const reader = await newReader(browser);
  const shownAt = await openLive(writer.page, piece);
  await openLive(reader.page, piece);

  const form = writer.page.locator('form[aria-label="Laisser un commentaire"]');
  await form.getByLabel('Nom').fill('Agnès');
  await form.getByLabel('Votre commentaire').fill('Écrit dans un navigateur, lu dans l’autre.');
  const wait = shownAt + 3200 - Date.now();
  if (wait > 0) await writer.page.waitForTimeout(wait);
  await form.getByRole('button', { name: 'Publier le commentaire' }).click();
  await expect(writer.page.getByText('Merci, votre commentaire est publié.')).toBeVisible();

  // Published before its author saw the confirmation: 2 s from here is 2 s from then, at least.
  const notice = reader.page.getByRole('button', { name: '1 nouveau commentaire — Afficher' });
  await expect(notice).toBeVisible({ timeout: 2000 });
  await expect(reader.page.getByRole('article', { name: 'Commentaire de Agnès' })).toHaveCount(0);
  await notice.click();
  const inserted = reader.page.getByRole('article', { name: 'Commentaire de Agnès' });
  await expect(inserted).toBeVisible();
  await expect(inserted).toContainText('Écrit dans un navigateur, lu dans l’autre.');
  await expect(inserted).toBeFocused();
  await expect(notice).toHaveCount(0);
  expect(await reader.page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  // « Utile » works on it at once, as on the page's own comments.
  await inserted.getByRole('button', { name: /^Utile/ }).click();
  await expect(inserted.getByRole('button', { name: /^Utile/ })).toContainText('Utile · 1');

  // Its author's page shows it once, from the form, and no notice of their own comment.
  await expect(writer.page.getByRole('article', { name: 'Commentaire de Agnès' })).toHaveCount(1);
  await expect(writer.page.getByRole('button', { name: /nouveaux? commentaires? — Afficher/ })).toHaveCount(0);
  await writer.context.close();
  await reader.context.close();
});

test('replies go under their comment, counted together: « 2 nouveaux commentaires — Afficher »', async ({ browser }) => {
  const piece = '/articles/archive-05';
  const parentId = await apiComment(piece, 'Bruno', 'Le commentaire de départ.');
  const reader = await newReader(browser);
  await openLive(reader.page, piece);
  const parent = reader.page.getByRole('article', { name: 'Commentaire de Bruno' });
  await expect(parent).toBeVisible();

  await apiComment(piece, 'Chloé', 'Une réponse en direct.', parentId);
  await apiComment(piece, 'Denis', 'Un nouveau fil.');
  const notice = reader.page.getByRole('button', { name: '2 nouveaux commentaires — Afficher' });
  await expect(notice).toBeVisible({ timeout: 2000 });
  await notice.click();
  await expect(parent.getByRole('article', { name: 'Commentaire de Chloé' })).toContainText('Une réponse en direct.');
  await expect(reader.page.getByRole('article', { name: 'Commentaire de Denis' })).toContainText('Un nouveau fil.');
  await expect(parent.getByRole('article', { name: 'Commentaire de Denis' })).toHaveCount(0);
  expect(await reader.page.evaluate(() => (window as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await reader.context.close();
});

test('a hidden tab holds no stream, and opens one again when it is shown', async ({ browser }) => {
  const piece = '/articles/archive-06';
  const reader = await newReader(browser);
  // Every EventSource the page makes, to see which are open.
  await reader.page.addInitScript(() => {
    const sources: EventSource[] = [];
    const Native = window.EventSource;
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        sources.push(this);
      }
    };
    Object.assign(window, { openStreams: () => sources.filter((source) => source.readyState !== EventSource.CLOSED).length });
  });
  const abandoned = reader.page.waitForEvent('requestfailed', (request) => request.url().endsWith('/events'));
  await openLive(reader.page, piece);
  const openStreams = () => reader.page.evaluate(() => (window as unknown as { openStreams: () => number }).openStreams());
  const setVisibility = (state: 'hidden' | 'visible') =>
    reader.page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  expect(await openStreams()).toBe(1);

  await setVisibility('hidden');
  expect(await openStreams()).toBe(0);
  // The browser itself dropped the request: the server's stream ends with it.
  await abandoned;

  const reopened = reader.page.waitForResponse((response) => response.url().endsWith('/events'));
  await setVisibility('visible');
  expect((await reopened).status()).toBe(200);
  expect(await openStreams()).toBe(1);
  await apiComment(piece, 'Élise', 'Vu une fois l’onglet revenu.');
  await expect(reader.page.getByRole('button', { name: '1 nouveau commentaire — Afficher' })).toBeVisible({ timeout: 2000 });
  await reader.context.close();
});

test('without JavaScript, the page opens no stream and shows no notice', async ({ browser }) => {
  const piece = '/articles/archive-07';
  const { page, context } = await newReader(browser, { javaScriptEnabled: false });
  const streams: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/events')) streams.push(request.url());
  });
  await page.goto(piece);
  await apiComment(piece, 'Fanny', 'Publié pendant la lecture.');
  await page.waitForTimeout(2500);
  await expect(page.getByText(/nouveaux? commentaires? — Afficher/)).toHaveCount(0);
  await expect(page.getByText('Publié pendant la lecture.')).toHaveCount(0);
  expect(streams).toEqual([]);
  await context.close();
});
