import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// What the W3C feed validator asks of the three formats, on the feeds of the whole magazine, of a
// section and of a tag. Each entry says its language itself (`xml:lang` on every Atom entry, not
// only inherited from the feed), and authors, who have no public e-mail, are named the way each
// format allows without one.
const SCOPES = ['/flux', '/flux/rubrique/articles', '/flux/theme/savoir-vivre'];
const DC = 'http://purl.org/dc/elements/1.1/';
const XML = 'http://www.w3.org/XML/1998/namespace';
// Two pieces whose author each feed must name, when the feed carries them.
const AUTHORS: Record<string, string> = {
  '/interviews/valerie-march-place-des-reseaux': 'Nelly Lambert',
  '/articles/animer-un-hub-plutot-que-pousser': 'La rédaction',
};

type Entry = { link: string; authors: string[]; lang: string | null; terms: (string | null)[] };
type ParsedFeed = { error: string | null; dcNamespace: string | null; authorElements: number; entries: Entry[] };

async function fetchText(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

// Parsed by the browser's XML parser, namespaces and all.
async function parseFeed(page: Page, source: string, format: 'rss' | 'atom'): Promise<ParsedFeed> {
  return page.evaluate(
    ({ source, format, DC, XML }) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const root = doc.documentElement;
      const text = (element: Element | undefined) => element?.textContent?.trim() ?? '';
      const children = (element: Element, name: string) => [...element.children].filter((child) => child.localName === name);
      const entries = [...root.getElementsByTagName(format === 'rss' ? 'item' : 'entry')].map((entry) => ({
        link: format === 'rss' ? text(children(entry, 'link')[0]) : (children(entry, 'link')[0]?.getAttribute('href') ?? ''),
        authors: format === 'rss' ? [...entry.getElementsByTagNameNS(DC, 'creator')].map(text) : children(entry, 'author').map(text),
        lang: entry.getAttributeNS(XML, 'lang'),
        terms: children(entry, 'category').map((category) => category.getAttribute('term')),
      }));
      return { error, dcNamespace: root.lookupNamespaceURI('dc'), authorElements: root.getElementsByTagName('author').length, entries };
    },
    { source, format, DC, XML },
  );
}

const pathOf = (url: string) => new URL(url).pathname;

test('RSS: well-formed, authors as dc:creator (namespace declared), no <author>', async ({ page, request }) => {
  const seen = new Set<string>();
  for (const scope of SCOPES) {
    const feed = await parseFeed(page, await fetchText(request, `${scope}/rss.xml`), 'rss');
    expect(feed.error, scope).toBeNull();
    expect(feed.entries.length, scope).toBeGreaterThan(0);
    expect(feed.dcNamespace, scope).toBe(DC);
    expect(feed.authorElements, `${scope}: <author> must hold an e-mail address`).toBe(0);
    for (const entry of feed.entries) {
      seen.add(pathOf(entry.link));
      expect(entry.authors, `${scope} ${entry.link}`).toEqual([AUTHORS[pathOf(entry.link)] ?? expect.stringMatching(/\S/)]);
    }
  }
  expect([...seen]).toEqual(expect.arrayContaining(Object.keys(AUTHORS)));
});

test('Atom: well-formed, xml:lang="fr" on every entry, a term on every category', async ({ page, request }) => {
  const seen = new Set<string>();
  for (const scope of SCOPES) {
    const feed = await parseFeed(page, await fetchText(request, `${scope}/atom.xml`), 'atom');
    expect(feed.error, scope).toBeNull();
    expect(feed.entries.length, scope).toBeGreaterThan(0);
    for (const entry of feed.entries) {
      const where = `${scope} ${entry.link}`;
      seen.add(pathOf(entry.link));
      expect(entry.lang, where).toBe('fr');
      expect(entry.terms.length, where).toBeGreaterThan(0);
      for (const term of entry.terms) expect(term, where).toMatch(/\S/);
      expect(entry.authors, where).toEqual([AUTHORS[pathOf(entry.link)] ?? expect.stringMatching(/\S/)]);
    }
  }
  expect([...seen]).toEqual(expect.arrayContaining(Object.keys(AUTHORS)));
});

test('JSON Feed: version 1.1, in French, with authors (never the old author)', async ({ request }) => {
  const seen = new Set<string>();
  for (const scope of SCOPES) {
    const feed = JSON.parse(await fetchText(request, `${scope}/feed.json`));
    expect(feed.version, scope).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language, scope).toBe('fr');
    expect(feed, scope).not.toHaveProperty('author');
    expect(feed.items.length, scope).toBeGreaterThan(0);
    for (const item of feed.items) {
      const where = `${scope} ${item.url}`;
      seen.add(pathOf(item.url));
      expect(item, where).not.toHaveProperty('author');
      expect(item.authors, where).toEqual([{ name: AUTHORS[pathOf(item.url)] ?? expect.stringMatching(/\S/) }]);
    }
  }
  expect([...seen]).toEqual(expect.arrayContaining(Object.keys(AUTHORS)));
});
