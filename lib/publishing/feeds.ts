import 'server-only';
import { authorNames, getPublishedPieces, getTag, readPieces, type PieceSummary } from '@/lib/content';
import { pieceHtml } from '@/lib/content/html';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';
import type { Piece } from '@/lib/content/types';
import { env } from '@/lib/env';
import { atomFeed, jsonFeed, rssFeed, type FeedDocument } from './feed-formats';

export const FEED_FORMATS = { 'rss.xml': 'application/rss+xml', 'atom.xml': 'application/atom+xml', 'feed.json': 'application/feed+json' } as const;
export type FeedFormat = keyof typeof FEED_FORMATS;
const WRITERS: Record<FeedFormat, (feed: FeedDocument) => string> = { 'rss.xml': rssFeed, 'atom.xml': atomFeed, 'feed.json': jsonFeed };
const ITEMS = 20;
// The date of the magazine's first piece: that of a feed with none yet.
const FIRST_DAY = '2026-11-02';

const absolute = (path: string) => new URL(path, env.SITE_URL).href;
// Feed readers need absolute addresses: the pieces' own links and images are site-relative.
const absoluteLinks = (html: string) => html.replace(/(href|src)="\//g, (_, name: string) => `${name}="${absolute('/')}`);

// A piece's HTML is made when a feed first shows it (contentlayer no longer keeps a third copy of
// every body, for feeds that show 20): the same piece is in the magazine's, its section's and its
// themes' feeds, in three formats each, made once per process and version of the piece.
const HTML_KEPT = 500;
const htmlMade = new Map<string, string>();

function feedHtml(piece: Piece): string {
  const id = `${piece.key}:${piece.digest ?? ''}`;
  let html = htmlMade.get(id);
  if (html === undefined) {
    html = absoluteLinks(pieceHtml(piece.bodyRaw));
    if (htmlMade.size >= HTML_KEPT) htmlMade.clear();
    htmlMade.set(id, html);
  }
  return html;
}

/** Where the feeds of a scope live: the whole magazine, a section, or a tag. */
export function feedPath(scope: FeedScope, format: FeedFormat): string {
  if (scope.kind === 'all') return `/flux/${format}`;
  return `/flux/${scope.kind === 'section' ? 'rubrique' : 'theme'}/${scope.slug}/${format}`;
}

export type FeedScope = { kind: 'all' } | { kind: 'section'; slug: string } | { kind: 'tag'; slug: string };

async function scopePieces(scope: FeedScope): Promise<{ title: string; link: string; pieces: readonly PieceSummary[] } | null> {
  if (scope.kind === 'all') return { title: 'Place des Réseaux', link: '/', pieces: await getPublishedPieces() };
  if (scope.kind === 'section') {
    const section = sectionFromParam(scope.slug);
    if (!section) return null;
    return { title: `${SECTION_INFO[section].title} · Place des Réseaux`, link: SECTION_INFO[section].path, pieces: await getPublishedPieces(section) };
  }
  const found = await getTag(scope.slug);
  return found && { title: `Thème « ${found.tag.name} » · Place des Réseaux`, link: `/tags/${found.tag.slug}`, pieces: found.pieces };
}

/** The feed of a scope, in one format, with the full text of its 20 newest pieces; null for an unknown scope. */
export async function renderFeed(scope: FeedScope, format: FeedFormat): Promise<string | null> {
  const found = await scopePieces(scope);
  if (!found) return null;
  const authors = authorNames();
  const entries = readPieces(found.pieces.slice(0, ITEMS)).map((piece) => ({
    url: absolute(piece.url),
    title: piece.title,
    summary: piece.summary,
    html: feedHtml(piece),
    published: new Date(piece.date),
    updated: new Date(piece.updated ?? piece.date),
    author: authors[piece.author] ?? piece.author,
    tags: piece.tags,
  }));
  const updated = new Date(Math.max(Date.parse(FIRST_DAY), ...entries.map((entry) => entry.updated.getTime())));
  return WRITERS[format]({
    title: found.title,
    description: 'Méthodes, points de vue d’experts et outils pour développer la démarche réseau des entrepreneurs.',
    homeUrl: absolute(found.link),
    selfUrl: absolute(feedPath(scope, format)),
    copyright: `© ${(entries[0]?.published ?? new Date(FIRST_DAY)).getFullYear()} Place des Réseaux`,
    updated,
    entries,
  });
}
