import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { atomFeed, jsonFeed, rssFeed, type FeedDocument } from '@/lib/publishing/feed-formats';

// Text a feed must carry through unchanged: XML's special characters, a CDATA end, French quotes.
const TITLE = 'Q&R : « <script>alert(1)</script> » ]]> et "après"';
const TAG = 'R&D "terrain"';
const HTML = '<p>Voir <a href="https://exemple.fr/?a=1&amp;b=2">le guide</a>.</p><pre><code>]]&gt; ]]></code></pre>';

const feed: FeedDocument = {
  title: 'Place des Réseaux',
  description: 'Méthodes et points de vue.',
  homeUrl: 'https://exemple.fr/',
  selfUrl: 'https://exemple.fr/flux/x',
  copyright: '© 2026 Place des Réseaux',
  updated: new Date('2026-11-20T08:00:00Z'),
  entries: [
    {
      url: 'https://exemple.fr/articles/un',
      title: TITLE,
      summary: 'Un résumé & rien d’autre.',
      html: HTML,
      published: new Date('2026-11-04T08:00:00Z'),
      updated: new Date('2026-11-20T08:00:00Z'),
      author: 'La rédaction',
      tags: [TAG, 'réseaux sociaux'],
    },
  ],
};
const empty: FeedDocument = { ...feed, entries: [] };

describe('RSS 2.0', () => {
  it('names each author with dc:creator, declares its namespace, and has no <author>', () => {
    const xml = rssFeed(feed);
    expect(xml).toContain('xmlns:dc="http://purl.org/dc/elements/1.1/"');
    expect(xml).toContain('<dc:creator>La rédaction</dc:creator>');
    expect(xml).not.toMatch(/<author[\s>]/);
  });

  it('carries titles, tags and full text through unchanged, with its self link and language', () => {
    const parsed = parseRssFeed(rssFeed(feed));
    const [item] = parsed.items ?? [];
    expect(item?.title).toBe(TITLE);
    expect(item?.categories?.map((category) => category.name)).toEqual([TAG, 'réseaux sociaux']);
    expect(item?.content?.encoded).toBe(HTML);
    expect(item?.dc?.creators).toEqual(['La rédaction']);
    expect(item?.guid).toEqual({ value: 'https://exemple.fr/articles/un', isPermaLink: true });
    expect(parsed.language).toBe('fr');
    expect(parsed.atom?.links).toEqual([{ href: 'https://exemple.fr/flux/x', rel: 'self', type: 'application/rss+xml' }]);
  });
});

describe('Atom 1.0', () => {
  it('gives each category a term and each entry xml:lang="fr"', () => {
    const xml = atomFeed(feed);
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="fr">/);
    expect(xml).toContain('<entry xml:lang="fr">');
    expect(xml).toContain('<category term="R&amp;D &quot;terrain&quot;"/>');
    expect(xml).not.toMatch(/<category(?![^>]*\bterm=")/);
  });

  it('carries titles, tags, authors and full text through unchanged, with its links and dates', () => {
    const parsed = parseAtomFeed(atomFeed(feed));
    const [entry] = parsed.entries ?? [];
    expect(entry?.title?.value).toBe(TITLE);
    expect(entry?.content).toEqual({ value: HTML, type: 'html' });
    expect(entry?.categories?.map((category) => category.term)).toEqual([TAG, 'réseaux sociaux']);
    expect(entry?.authors).toEqual([{ name: 'La rédaction' }]);
    expect([entry?.published, entry?.updated]).toEqual(['2026-11-04T08:00:00.000Z', '2026-11-20T08:00:00.000Z']);
    expect(parsed.links?.map((link) => link.rel)).toEqual(['alternate', 'self']);
    expect(parsed.updated).toBe('2026-11-20T08:00:00.000Z');
  });
});

describe('JSON Feed 1.1', () => {
  it('declares version 1.1 and French, and lists authors, never the old author', () => {
    const parsed = JSON.parse(jsonFeed(feed));
    expect(parsed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', language: 'fr', feed_url: 'https://exemple.fr/flux/x' });
    expect(parsed.items[0]).toMatchObject({ title: TITLE, content_html: HTML, authors: [{ name: 'La rédaction' }], tags: [TAG, 'réseaux sociaux'], language: 'fr' });
    expect(parsed.items[0]).not.toHaveProperty('author');
  });

  it('keeps an empty items list, which the format requires', () => {
    expect(JSON.parse(jsonFeed(empty)).items).toEqual([]);
  });
});
