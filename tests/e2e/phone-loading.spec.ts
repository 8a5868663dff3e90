import { expect, test, type Page, type Request } from '@playwright/test';
import { newReader } from './fixtures/reader';

// What a phone does as a piece loads (issue 29): links prefetch their page when the reader shows
// intent, not as they scroll into view; the islands under the text (rating, the letter, sharing)
// answer a finger at once, and nothing shifts.

const PIECE = '/interviews/valerie-march-place-des-reseaux';
const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true };

/** Next's prefetches of other pages' payloads (RSC requests made by the router). */
function prefetches(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] || request.headers()['rsc'] === '1') seen.push(request);
  });
  return seen;
}

test('links prefetch on intent: none as the page loads and scrolls, one when a link is hovered or focused', async ({ browser }) => {
  const { page, context } = await newReader(browser);
  const seen = prefetches(page);
  await page.goto(PIECE);
  await page.waitForLoadState('networkidle');
  // Down to the footer's links, past every link of the page.
  await page.mouse.wheel(0, 20_000);
  await page.waitForTimeout(1000);
  expect(seen.map((request) => request.url())).toEqual([]);

  // One prefetch per link reached, however long the pointer moves over it. Next makes each of a
  // request for the route's tree (`Next-Router-Segment-Prefetch: /_tree`), then one per segment.
  const trees = (matches: (pathname: string) => boolean) =>
    seen.filter((request) => matches(new URL(request.url()).pathname) && (request.headers()['next-router-segment-prefetch'] ?? '/_tree') === '/_tree').length;
  const home = page.getByRole('banner').getByRole('link', { name: 'Place des Réseaux' });
  await home.hover();
  await expect.poll(() => trees((pathname) => pathname === '/')).toBe(1);
  for (const x of [2, 12, 24, 6]) await home.hover({ position: { x, y: 8 } });
  await page.waitForTimeout(500);
  expect(trees((pathname) => pathname === '/')).toBe(1);
  const tag = page.getByRole('list', { name: 'Thèmes' }).getByRole('link').first();
  await tag.focus();
  await expect.poll(() => trees((pathname) => pathname.startsWith('/tags/'))).toBe(1);

  // The prefetched page opens without a document request.
  const documents: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await home.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(documents).toEqual([]);
  await context.close();
});

test('on a phone, the islands under the text work as soon as the reader reaches them, and nothing shifts', async ({ browser }) => {
  const { page, context } = await newReader(browser, PHONE);
  await page.addInitScript(() => {
    const shifts: string[] = [];
    (window as { __shifts?: string[] }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources: Array<{ node?: Node }> }>) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 80) : String(source.node?.textContent).slice(0, 80)));
        shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join(' | ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto('/articles/choisir-un-seul-reseau-pour-commencer');
  // Straight to the stars with a finger, as soon as the page shows them.
  const star = page.getByRole('radio', { name: '4 étoiles sur 5' });
  await star.tap();
  await expect(page.getByTestId('rating-summary')).toHaveText('4/5 · 1 avis');
  // Sharing's « Copier le lien » needs JavaScript, and is there once its island has hydrated.
  await expect(page.getByRole('navigation', { name: 'Partager' }).getByRole('button', { name: 'Copier le lien' })).toBeVisible();
  // Nothing moved while the page loaded and its islands hydrated.
  expect(await page.evaluate(() => (window as { __shifts?: string[] }).__shifts)).toEqual([]);
  // The letter's form, far below, is sent by its island: the page stays where it is, and its
  // answer takes the form's place without moving what follows (on a slow host it comes more than
  // the 500 ms after the tap that the layout-shift API forgives).
  const letter = page.getByRole('region', { name: 'La lettre de Place des Réseaux' });
  await letter.getByLabel('Votre adresse e-mail').fill('lectrice.telephone@example.org');
  const following = page.getByRole('heading', { name: 'À lire aussi' });
  const top = () => following.evaluate((heading) => heading.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await letter.getByRole('button', { name: 'Recevoir la lettre' }).tap();
  await expect(letter.getByRole('status')).toContainText('un e-mail de confirmation vient d’y partir');
  expect(await top()).toBe(before);
  await expect(page).toHaveURL(/\/articles\/choisir-un-seul-reseau-pour-commencer$/);
  await context.close();
});
