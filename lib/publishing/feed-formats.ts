import { generateAtomFeed, generateRssFeed, type AtomFeed, type JsonFeed, type RssFeed } from 'feedsmith';

/** A feed as the magazine describes it, whatever its format: absolute addresses, newest entry first. */
export type FeedDocument = {
  title: string;
  description: string;
  /** The page the feed follows (the home page, a section, a tag). */
  homeUrl: string;
  /** The address of this very document, in the format being written. */
  selfUrl: string;
  copyright: string;
  updated: Date;
  entries: readonly FeedEntry[];
};

export type FeedEntry = {
  url: string;
  title: string;
  summary: string;
  /** The full text as HTML, its links already absolute. */
  html: string;
  published: Date;
  updated: Date;
  author: string;
  tags: readonly string[];
};

// The magazine is written in French: said at every level each format allows.
const LANGUAGE = 'fr';
const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** RSS 2.0; authors have no public e-mail address, so they are named by `dc:creator`, not `author`. */
export function rssFeed(feed: FeedDocument): string {
  const document: RssFeed.Feed<Date, true> = {
    title: feed.title,
    link: feed.homeUrl,
    description: feed.description,
    language: LANGUAGE,
    copyright: feed.copyright,
    lastBuildDate: feed.updated,
    atom: { links: [{ href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }] },
    items: feed.entries.map((entry) => ({
      title: entry.title,
      link: entry.url,
      guid: { value: entry.url, isPermaLink: true },
      pubDate: entry.published,
      description: entry.summary,
      content: { encoded: entry.html },
      dc: { creators: [entry.author] },
      categories: entry.tags.map((name) => ({ name })),
    })),
  };
  return generateRssFeed(document, { strict: true });
}

/** Atom 1.0, `xml:lang` on the feed and on each entry (an entry may be read apart from its feed). */
export function atomFeed(feed: FeedDocument): string {
  const document: AtomFeed.Feed<Date, true> = {
    id: feed.homeUrl,
    title: { value: feed.title, type: 'text' },
    subtitle: { value: feed.description, type: 'text' },
    rights: { value: feed.copyright, type: 'text' },
    updated: feed.updated,
    links: [
      { href: feed.homeUrl, rel: 'alternate', type: 'text/html' },
      { href: feed.selfUrl, rel: 'self', type: 'application/atom+xml' },
    ],
    xml: { lang: LANGUAGE },
    entries: feed.entries.map((entry) => ({
      id: entry.url,
      title: { value: entry.title, type: 'text' },
      links: [{ href: entry.url, rel: 'alternate', type: 'text/html' }],
      published: entry.published,
      updated: entry.updated,
      summary: { value: entry.summary, type: 'text' },
      content: { value: entry.html, type: 'html' },
      authors: [{ name: entry.author }],
      categories: entry.tags.map((term) => ({ term })),
      xml: { lang: LANGUAGE },
    })),
  };
  return generateAtomFeed(document, { strict: true });
}

// Written here rather than by generateJsonFeed, which drops an empty `items`: the format requires it.
/** JSON Feed 1.1, typed after feedsmith's description of the format. */
export function jsonFeed(feed: FeedDocument): string {
  const document: JsonFeed.Feed<string, true> = {
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: LANGUAGE,
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.html,
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      authors: [{ name: entry.author }],
      tags: [...entry.tags],
      language: LANGUAGE,
    })),
  };
  return JSON.stringify({ version: JSON_FEED_VERSION, ...document }, null, 2);
}
