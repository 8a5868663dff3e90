import { expect, test } from '@playwright/test';

// Every internal address the site gives out, followed from the home page: links, sources and
// search forms in the HTML, the feeds, the sitemap and robots.txt, the structured data and the
// social cards. A plain fetch crawl, eight at a time, bounded; none may answer an error.
const SEEDS = ['/', '/flux/rss.xml', '/flux/atom.xml', '/flux/feed.json', '/sitemap.xml', '/robots.txt'];
const MAX_URLS = 600;
const CONCURRENCY = 8;
// Not crawled: the API, the editors' desk (401 for a visitor, by design).
const SKIPPED = /^\/(api|redaction)(\/|$)/;
// Paths whose query variants are all the same page (a return address): one is enough.
const ONE_QUERY_VARIANT = ['/connexion'];
// JSON-LD keys that hold an address (`@id` without its fragment).
const JSON_LD_KEYS = new Set(['url', '@id', 'image', 'logo', 'item']);
const SOCIAL_META = new Set(['og:image', 'og:url', 'twitter:image']);

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(Number.parseInt(name.slice(name[1] === 'x' ? 2 : 1), name[1] === 'x' ? 16 : 10));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

// The attributes of each start tag; enough for the HTML Next writes.
function* tags(html: string): Generator<{ name: string; attributes: Map<string, string> }> {
  for (const [, name = '', rest = ''] of html.matchAll(/<([a-z][\w-]*)((?:\s+[^\s=>/"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*\/?>/gi)) {
    const attributes = new Map<string, string>();
    for (const [, key = '', a, b, c] of rest.matchAll(/([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(key.toLowerCase(), decodeEntities(a ?? b ?? c ?? ''));
    }
    yield { name: name.toLowerCase(), attributes };
  }
}

function jsonLdAddresses(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => jsonLdAddresses(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (JSON_LD_KEYS.has(key) && typeof item === 'string') found.push(item);
      else jsonLdAddresses(item, found);
    }
  }
  return found;
}

function htmlAddresses(html: string): string[] {
  const found: string[] = [];
  for (const { name, attributes } of tags(html)) {
    for (const key of ['href', 'src']) if (attributes.has(key)) found.push(attributes.get(key) ?? '');
    for (const candidate of (attributes.get('srcset') ?? '').split(',')) found.push(candidate.trim().split(/\s+/)[0] ?? '');
    // A search box is a link too; forms that post are not.
    if (name === 'form' && (attributes.get('method') ?? 'get').toLowerCase() === 'get') found.push(attributes.get('action') ?? '');
    if (name === 'meta' && SOCIAL_META.has(attributes.get('property') ?? attributes.get('name') ?? '')) found.push(attributes.get('content') ?? '');
  }
  for (const [, json = ''] of html.matchAll(/<script[^>]*type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)) {
    found.push(...jsonLdAddresses(JSON.parse(json)));
  }
  return found.filter((address) => address.trim() !== '');
}

// Feeds, the sitemap and robots.txt name the site's addresses in full (feeds carry the pieces'
// HTML too, with its links made absolute).
function textAddresses(text: string, origin: string): string[] {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`${escaped}[^\\s"'<>\\\\]*`, 'g'))].map(([address]) => decodeEntities(address));
}

test('no internal address given out by the site answers an error', async ({ baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const short = (url: string) => url.replace(origin, '');
  const referrers = new Map<string, string>();
  const queue: string[] = [];
  const queried = new Set<string>();
  const broken: string[] = [];
  let overflow = 0;

  const enqueue = (raw: string, base: string, referrer = base) => {
    let url: URL;
    try {
      url = new URL(raw.trim(), base);
    } catch {
      broken.push(`unreadable address "${raw}" ← ${short(referrer)}`);
      return;
    }
    url.hash = '';
    if (!/^https?:$/.test(url.protocol) || url.origin !== origin || SKIPPED.test(url.pathname) || referrers.has(url.href)) return;
    if (url.search && ONE_QUERY_VARIANT.includes(url.pathname)) {
      if (queried.has(url.pathname)) return;
      queried.add(url.pathname);
    }
    if (referrers.size >= MAX_URLS) {
      overflow++;
      return;
    }
    referrers.set(url.href, referrer);
    queue.push(url.href);
  };

  const visit = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    const type = response.headers.get('content-type') ?? '';
    if (response.status >= 400) broken.push(`${response.status} ${short(url)} ← ${short(referrers.get(url) ?? '')}`);
    if (response.status >= 300 && response.status < 400) enqueue(response.headers.get('location') ?? '', url);
    if (/html/.test(type)) htmlAddresses(await response.text()).forEach((address) => enqueue(address, url));
    else if (/xml|json|text\/plain/.test(type)) textAddresses(await response.text(), origin).forEach((address) => enqueue(address, url));
    else await response.body?.cancel();
  };

  const started = Date.now();
  SEEDS.forEach((seed) => enqueue(seed, origin, '(seed)'));
  const worker = async () => {
    for (let url = queue.shift(); url; url = queue.shift()) await visit(url);
  };
  // A worker that finds the queue empty stops; the next round takes what the others added since.
  while (queue.length > 0) await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  console.log(`${referrers.size} internal addresses checked in ${Date.now() - started} ms`);
  expect(broken.length, `Broken internal addresses (status, address ← the page that gives it):\n${broken.join('\n')}`).toBe(0);
  expect(overflow, `${overflow} more addresses past the bound of ${MAX_URLS}: is it still the right one?`).toBe(0);
  expect(referrers.size).toBeGreaterThan(50);
});
