import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../e2e/fixtures/stack';

// The search page of a large archive (here: more published pieces than FULL_TEXT_SEARCH_MAX_PIECES),
// in Debian's Chromium: results rendered by the server without JavaScript, and asked from the
// server's full-text search as the reader types with it.
let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({ FULL_TEXT_SEARCH_MAX_PIECES: '5' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the search page of a large archive', () => {
  it('without JavaScript, shows the server’s results of a shared address, marked, with their pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/recherche?q=reseaux`);
    const results = page.getByRole('main').getByRole('listitem');
    const interview = page.getByRole('main').getByRole('link', { name: /Valérie March/ });
    await expect.poll(() => interview.count()).toBe(1);
    expect(await results.first().locator('mark').count()).toBeGreaterThan(0);

    // The form works without a script: the address carries the words, the server answers.
    await page.getByLabel('Rechercher dans les interviews et les articles').fill('archive');
    await page.getByRole('main').getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/\/recherche\?q=archive$/);
    expect(await page.getByRole('status').textContent()).toMatch(/^\d+ résultats · page 1 sur 2$/);
    await page.getByRole('link', { name: 'Résultats suivants →' }).click();
    await page.waitForURL(/\/recherche\?q=archive&page=2$/);
    expect(await page.getByRole('status').textContent()).toMatch(/page 2 sur 2$/);
    expect(await results.count()).toBeGreaterThan(0);

    await page.goto(`${stack.baseUrl}/recherche?q=a`);
    expect(await page.getByRole('status').textContent()).toBe('Tapez au moins deux caractères.');
    await page.goto(`${stack.baseUrl}/recherche?q=Zorglubesque`);
    expect(await page.getByRole('status').textContent()).toBe('Aucun résultat.');
    await context.close();
  });

  it('with JavaScript, asks the server as the reader types, the last word as a beginning, and stays accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/search')) asked.push(new URL(request.url()).searchParams.get('q') ?? '');
    });
    await page.goto(`${stack.baseUrl}/recherche`);
    await page.getByLabel('Rechercher dans les interviews et les articles').pressSequentially('entrepren', { delay: 30 });
    const interview = page.getByRole('main').getByRole('link', { name: /Valérie March/ });
    await expect.poll(() => interview.count(), { timeout: 10_000 }).toBe(1);
    expect(page.url()).toMatch(/\/recherche\?q=entrepren$/);
    // Debounced: one request for the last words typed, not one per key.
    expect(asked.at(-1)).toBe('entrepren');
    expect(asked.length).toBeLessThan(4);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    await context.close();
  });
});
