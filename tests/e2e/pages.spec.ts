import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// One page of each type the magazine has.
const PAGES = {
  home: '/',
  section: '/interviews',
  'section, page 2': '/articles/page/2',
  interview: '/interviews/valerie-march-place-des-reseaux',
  article: '/articles/animer-un-hub-plutot-que-pousser',
  tags: '/tags',
  tag: '/tags/strategie',
  authors: '/auteurs',
  author: '/auteurs/la-redaction',
  letter: '/lettre',
  'most liked': '/les-plus-apprecies',
  'not found': '/introuvable',
};

for (const [name, url] of Object.entries(PAGES)) {
  test(`${name}: axe finds no violation, in light and dark`, async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  });

  test(`${name}: usable at 360 px wide, nothing scrolls sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: 'Place des Réseaux' }).first()).toBeVisible();
  });
}

test('every page answers in French with its own title and no console error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  // Uncaught errors too: a hydration mismatch (React #418) is one, and makes React rebuild the
  // whole page in the browser. Each page is left once it has hydrated and gone quiet.
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  const titles = new Set<string>();
  for (const url of Object.values(PAGES).filter((url) => url !== '/introuvable')) {
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    expect(response?.status(), url).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    titles.add(await page.title());
  }
  expect(titles.size).toBe(Object.keys(PAGES).length - 1);
  expect(errors).toEqual([]);
});

test('every page type answers with the security headers, and works under them', async ({ request, page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  for (const url of Object.values(PAGES)) {
    const response = await request.get(url);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) {
      expect(csp, url).toContain(directive);
    }
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['strict-transport-security']).toBeUndefined();
    await page.goto(url);
  }
  expect((await request.get('/', { headers: { 'x-forwarded-proto': 'https' } })).headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  // The answers that are not pages carry them too: a method refused by the guard, an API, the favicon.
  for (const answer of [await request.fetch('/', { method: 'DELETE' }), await request.get('/api/health'), await request.get('/favicon.ico')]) {
    expect(answer.headers()['x-content-type-options'], answer.url()).toBe('nosniff');
    expect(answer.headers()['content-security-policy'], answer.url()).toContain("frame-ancestors 'none'");
  }
  await page.goto('/interviews/valerie-march-place-des-reseaux');
  await page.getByRole('radio', { name: '4 étoiles sur 5' }).click();
  await expect(page.getByText('Merci, votre note est enregistrée.')).toBeVisible();
  expect(violations).toEqual([]);
});

test('the header holds on one line from 1024 px up, and wraps cleanly below', async ({ page }) => {
  await page.goto('/');
  const header = page.locator('header').first();
  const parts = [header.getByRole('link', { name: 'Place des Réseaux' }), header.getByRole('navigation'), header.getByRole('search'), header.getByRole('button', { name: /Mode (sombre|clair)/ })];
  for (const width of [1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const boxes = await Promise.all(parts.map(async (part) => (await part.boundingBox()) ?? { y: -1, height: 0 }));
    const middles = boxes.map((box) => box.y + box.height / 2);
    expect(Math.max(...middles) - Math.min(...middles), `à ${width} px`).toBeLessThan(12);
  }
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expect(header.getByRole('button', { name: 'Rechercher' })).toBeVisible();
});
