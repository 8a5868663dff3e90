import { expect, test } from '@playwright/test';

// Every public page type names its canonical address and carries a social image that answers
// (a piece's cover when it has one, a drawn PNG card otherwise), and a piece's JSON-LD image is
// its og:image.
const PAGES = [
  '/',
  '/interviews',
  '/articles',
  '/articles/page/2',
  '/interviews/valerie-march-place-des-reseaux',
  '/articles/animer-un-hub-plutot-que-pousser',
  '/tags',
  '/tags/strategie',
  '/auteurs',
  '/auteurs/la-redaction',
  '/recherche',
  '/les-plus-apprecies',
];
// Pieces with a cover (content/): their social image is the cover, a JPEG.
const COVERED = new Set(['/interviews/valerie-march-place-des-reseaux', '/articles/animer-un-hub-plutot-que-pousser']);

for (const path of PAGES) {
  test(`${path} has its canonical URL, og:url and an og:image that answers 200 with ${COVERED.has(path) ? 'its cover' : 'a PNG'}`, async ({ page, request }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    // Next writes the home's address without its final slash.
    const url = `http://127.0.0.1:3100${path === '/' ? '' : path}`;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(COVERED.has(path) ? /^http:\/\/127\.0\.0\.1:3100\/images\/couvertures\/.*\.jpg$/ : /^http:\/\/127\.0\.0\.1:3100\/.*image-sociale\.png$/);
    await expect(page.locator('meta[name="twitter:image"]')).toHaveAttribute('content', image ?? '');
    const card = await request.get(image ?? '');
    expect(card.status()).toBe(200);
    expect(card.headers()['content-type']).toBe(COVERED.has(path) ? 'image/jpeg' : 'image/png');
  });
}

test('every URL in the JSON-LD of a piece answers 200', async ({ page, request }) => {
  await page.goto('/interviews/valerie-march-place-des-reseaux');
  const blocks = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((text) => JSON.parse(text) as unknown);
  const urls = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('http://127.0.0.1:3100/')) urls.add(value.split('#')[0] ?? value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  blocks.forEach(collect);
  expect(urls).toContain('http://127.0.0.1:3100/images/couvertures/place-des-reseaux.jpg');
  for (const url of urls) expect({ url, status: (await request.get(url)).status() }).toEqual({ url, status: 200 });
});
