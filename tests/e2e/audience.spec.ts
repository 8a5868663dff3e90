import { expect, test, type Browser, type Page, type Response } from '@playwright/test';
import pg from 'pg';
import { addEditor, newEditor } from './fixtures/editor';
import { startStack, type Stack } from './fixtures/stack';

// The audience in Chromium, as readers make it: the beacon of a page seen, of a read to the end,
// the source of a visit, what is never counted, and that a reader who only reads gets no cookie.
// Headless Chromium calls itself HeadlessChrome, a robot for isbot: the readers here send the
// User-Agent of a desktop Chrome.
let stack: Stack;
let db: pg.Client;
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const EDITOR_SESSION = 'audience-editor';

test.beforeAll(async () => {
  stack = await startStack({ AUDIENCE_FLUSH_SECONDS: '1' });
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  await addEditor(stack, { email: 'audience@exemple.fr', name: 'Rédaction de l’audience', token: EDITOR_SESSION });
});
test.afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

type Row = { source: string; campaign: string; views: number; reads: number };
const visits = async (path: string): Promise<Row[]> =>
  (await db.query<Row>('SELECT source, campaign, sum(views)::int AS views, sum(reads)::int AS reads FROM audience_visits WHERE path = $1 GROUP BY source, campaign ORDER BY source', [path])).rows;

/** What the database holds for `path` once it shows `done` (the server writes every second). */
async function counted(path: string, done: (rows: Row[]) => boolean): Promise<Row[]> {
  let rows: Row[] = [];
  await expect.poll(async () => done((rows = await visits(path))), { timeout: 10_000 }).toBe(true);
  return rows;
}

/** A reader's browser with every answer it receives kept, to look for cookies. */
async function reader(browser: Browser, options: { userAgent?: string; extraHTTPHeaders?: Record<string, string> } = {}) {
  const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris', userAgent: CHROME, ...options });
  const page = await context.newPage();
  const answers: Response[] = [];
  page.on('response', (response) => answers.push(response));
  return { context, page, answers };
}

const beacon = (page: Page, kind: 'view' | 'read') =>
  page.waitForRequest((request) => request.url().endsWith('/api/views') && JSON.parse(request.postData() ?? '{}').kind === kind);

test('a reader from LinkedIn counts one view under LinkedIn, a read when the end of the text comes into view, and gets no cookie', async ({ browser }) => {
  const piece = '/interviews/valerie-march-place-des-reseaux';
  const { context, page, answers } = await reader(browser);
  const view = beacon(page, 'view');
  await page.goto(piece, { referer: 'https://www.linkedin.com/feed/update/urn:li:activity:7/' });
  expect(JSON.parse((await view).postData() ?? '')).toMatchObject({ kind: 'view', path: piece, referrer: 'https://www.linkedin.com/feed/update/urn:li:activity:7/' });
  expect(await counted(piece, (rows) => rows.length > 0)).toEqual([{ source: 'linkedin', campaign: '', views: 1, reads: 0 }]);

  const read = beacon(page, 'read');
  await page.locator('[data-fin-du-texte]').scrollIntoViewIfNeeded();
  await read;
  expect(await counted(piece, (rows) => rows[0]?.reads === 1)).toEqual([{ source: 'linkedin', campaign: '', views: 1, reads: 1 }]);

  // Every answer of the visit, the page, its scripts, its islands and both beacons: no cookie.
  const beacons = answers.filter((answer) => answer.url().endsWith('/api/views'));
  expect(beacons.map((answer) => answer.status())).toEqual([204, 204]);
  for (const answer of answers) expect(await answer.headerValue('set-cookie'), answer.url()).toBeNull();
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
  await context.close();
});

test('a letter’s link counts under « La lettre » and its send, and leaves no utm_ in the address bar; the next page counts as the site’s own', async ({ browser }) => {
  const piece = '/articles/strategie-des-petits-cailloux';
  const { context, page } = await reader(browser);
  await page.goto(`${piece}?utm_source=lettre&utm_medium=email&utm_campaign=envoi-42#commentaires`);
  await expect(page).toHaveURL(`${stack.baseUrl}${piece}#commentaires`);
  expect(await counted(piece, (rows) => rows.length > 0)).toEqual([{ source: 'lettre', campaign: 'envoi-42', views: 1, reads: 0 }]);

  // A link followed inside the site (the app's own navigation): a view of the next page, from the site.
  const next = page.locator('main a[href^="/articles/"]').filter({ hasNotText: /cailloux/i }).first();
  const target = (await next.getAttribute('href')) ?? '';
  await next.click();
  await expect(page).toHaveURL(`${stack.baseUrl}${target}`);
  expect(await counted(target, (rows) => rows.length > 0)).toEqual([{ source: 'interne', campaign: '', views: 1, reads: 0 }]);
  await context.close();
});

test('counts no robot, no reader sending Global Privacy Control or Do Not Track, no editor, and a prerendered page only once shown', async ({ browser }) => {
  const piece = '/articles/un-creneau-par-jour-puis-mesurer';
  const robot = await reader(browser, { userAgent: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)' });
  const gpc = await reader(browser, { extraHTTPHeaders: { 'Sec-GPC': '1' } });
  const dnt = await reader(browser, { extraHTTPHeaders: { DNT: '1' } });
  for (const { page } of [robot, gpc, dnt]) await page.goto(piece);
  const editor = await newEditor(browser, stack, EDITOR_SESSION);
  await editor.page.goto(piece);

  // A browser that says it in JavaScript (navigator.globalPrivacyControl) is not even sent a beacon.
  const asking = await reader(browser);
  await asking.context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  const sent: string[] = [];
  asking.page.on('request', (request) => void (request.url().endsWith('/api/views') && sent.push(request.url())));
  await asking.page.goto(piece);

  // A page the browser prerenders (speculation rules) sends nothing until it is shown. Headless
  // Chromium here does not prerender (activationStart stays 0), so the state is the page's as the
  // browser would make it: document.prerendering true, then the event of its activation.
  const prerendered = await reader(browser);
  await prerendered.context.addInitScript(() => {
    const state = { prerendering: true };
    Object.defineProperty(window, '__activer', { value: () => ((state.prerendering = false), document.dispatchEvent(new Event('prerenderingchange'))) });
    Object.defineProperty(Document.prototype, 'prerendering', { get: () => state.prerendering });
  });
  const shown: string[] = [];
  prerendered.page.on('request', (request) => void (request.url().endsWith('/api/views') && shown.push(request.postData() ?? '')));
  const other = '/articles/le-ton-juste-sur-les-reseaux';
  await prerendered.page.goto(other);
  await prerendered.page.waitForTimeout(1500);
  expect(shown).toEqual([]);
  const activated = beacon(prerendered.page, 'view');
  await prerendered.page.evaluate(() => (window as unknown as { __activer: () => void }).__activer());
  expect(JSON.parse((await activated).postData() ?? '')).toMatchObject({ kind: 'view', path: other });
  expect(await counted(other, (rows) => rows.length > 0)).toEqual([{ source: 'direct', campaign: '', views: 1, reads: 0 }]);

  // A reader counted meanwhile: the batches were written, and ours would be in them.
  const witness = await reader(browser);
  await witness.page.goto(piece);
  expect(await counted(piece, (rows) => rows.length > 0)).toEqual([{ source: 'direct', campaign: '', views: 1, reads: 0 }]);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await visits(piece)).toEqual([{ source: 'direct', campaign: '', views: 1, reads: 0 }]);
  expect(sent).toEqual([]);
  for (const { context } of [robot, gpc, dnt, editor, asking, prerendered, witness]) await context.close();
});

test('the desk’s « Audience » shows today’s readers, readable without JavaScript', async ({ browser }) => {
  const piece = '/articles/quand-un-echange-s-envenime';
  const visitor = await reader(browser);
  await visitor.page.goto(piece, { referer: 'https://bsky.app/profile/placedesreseaux.fr' });
  await counted(piece, (rows) => rows.length > 0);
  await visitor.context.close();

  const { page, context } = await newEditor(browser, stack, EDITOR_SESSION, false);
  await page.goto('/redaction/audience?periode=7j');
  await expect(page.getByRole('heading', { level: 1, name: 'Audience' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Vues et visiteurs, 7 derniers jours/ })).toBeVisible();
  await expect(page.locator('[data-source="bluesky"]')).toContainText('Bluesky');
  const row = page.locator(`[data-contenu="${piece}"]`);
  await expect(row.locator('td').first()).toHaveText('1');
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Quand un échange s’envenime');
  await expect(page.locator('[data-source="bluesky"] td').first()).toHaveText('1');
  await context.close();
});
