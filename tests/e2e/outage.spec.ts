import { expect, test } from '@playwright/test';
import { startStack, type Stack } from './fixtures/stack';

// The database stops under a running magazine, then comes back: no restart of the app.
let stack: Stack;
test.beforeAll(async () => {
  stack = await startStack();
});
test.afterAll(async () => stack?.stop());

test('with the database stopped the piece still reads; once it is back, rating works again', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-FR' });
  const page = await context.newPage();
  const summary = page.getByTestId('rating-summary');
  await page.goto('/interviews/valerie-march-place-des-reseaux');
  await page.getByRole('radio', { name: '5 étoiles sur 5' }).click();
  await expect(summary).toHaveText('5/5 · 1 avis');
  await expect(page.getByText('Merci, votre note est enregistrée.')).toBeVisible();

  await stack.stopDatabase();
  const response = await page.goto('/interviews/valerie-march-place-des-reseaux');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Propos recueillis par Nelly Lambert, Rédaction de NetPME')).toBeVisible();
  // The sections show their last known state, or say they are unavailable: never an error page.
  expect(await page.locator('#evaluer').innerText()).toMatch(/5\/5 · 1 avis|momentanément indisponibles/);
  if (await page.getByRole('radio', { name: '2 étoiles sur 5' }).count()) {
    await page.getByRole('radio', { name: '2 étoiles sur 5' }).click();
    await expect(page.getByText(/momentanément indisponibles.*n’a pas été enregistrée/)).toBeVisible();
    await expect(summary).toHaveText('5/5 · 1 avis');
  }
  const write = await page.request.put('/api/pieces/interviews/valerie-march-place-des-reseaux/rating', {
    data: { value: 2 },
    headers: { origin: stack.baseUrl },
  });
  expect(write.status()).toBe(503);
  expect((await write.json()).error.message).toContain('momentanément indisponibles');
  const other = await page.request.get('/articles/strategie-des-petits-cailloux');
  expect(other.status()).toBe(200);

  await stack.startDatabase();
  await expect(async () => {
    await page.goto('/interviews/valerie-march-place-des-reseaux');
    await page.getByRole('radio', { name: '3 étoiles sur 5' }).click();
    await expect(page.getByText('Merci, votre note est enregistrée.')).toBeVisible({ timeout: 3000 });
    await expect(summary).toHaveText('3/5 · 1 avis');
  }).toPass({ timeout: 40_000 });
  await context.close();
});
