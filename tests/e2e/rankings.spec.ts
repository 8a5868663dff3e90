import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { newReader, openPiece } from './fixtures/reader';

// « Les plus appréciés » moves as soon as a reader rates in the browser (the widget's server
// action revalidates the rankings), and the page and the home page's list stay accessible.
test('a reader rates a piece: it enters « Les plus appréciés », on its page and on the home page', async ({ browser }) => {
  const reader = await newReader(browser);
  const { page } = reader;
  await openPiece(page, '/articles/archive-10');
  await page.getByRole('radio', { name: '5 étoiles sur 5' }).click();
  await expect(page.getByText('Merci, votre note est enregistrée.')).toBeVisible();

  await page.goto('/les-plus-apprecies');
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Archive numéro 10' }) });
  await expect(entry).toContainText('★ 5/5 · 1 avis');
  await page.goto('/');
  const home = page.getByRole('region', { name: 'Les plus appréciés' });
  await expect(home.getByRole('link', { name: 'Archive numéro 10' })).toBeVisible();
  await expect(home.getByRole('link', { name: 'Tout le classement' })).toHaveAttribute('href', '/les-plus-apprecies');

  for (const url of ['/les-plus-apprecies', '/']) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(url);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${url} ${colorScheme}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
    }
  }
  await reader.context.close();
});
