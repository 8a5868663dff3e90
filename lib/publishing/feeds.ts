import 'server-only';
import { Feed } from 'feed';
import { authorNames, getPublishedPieces, getTag, readPieces, type PieceSummary } from '@/lib/content';
import { SECTION_INFO, sectionFromParam } from '@/lib/content/sections';
import { env } from '@/lib/env';

export const FEED_FORMATS = { 'rss.xml': 'application/rss+xml', 'atom.xml': 'application/atom+xml', 'feed.json': 'application/feed+json' } as const;
export type FeedFormat = keyof typeof FEED_FORMATS;
const ITEMS = 20;

const absolute = (path: string) => new URL(path, env.SITE_URL).href;
// Feed readers need absolute addresses: the pieces' own links and images are site-relative.
const absoluteLinks = (html: string) => html.replace(/(href|src)="\//g, (_, name: string) => `${name}="${absolute('/')}`);

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
  const newest = found.pieces.slice(0, ITEMS);
  const feed = new Feed({
    title: found.title,
    description: 'Méthodes, points de vue d’experts et outils pour développer la démarche réseau des entrepreneurs.',
    id: absolute(found.link),
    link: absolute(found.link),
    language: 'fr',
    copyright: `© ${new Date(newest[0]?.date ?? '2026-11-02').getFullYear()} Place des Réseaux`,
    updated: newest[0] ? new Date(newest[0].updated ?? newest[0].date) : undefined,
    feedLinks: Object.fromEntries((Object.keys(FEED_FORMATS) as FeedFormat[]).map((name) => [name === 'rss.xml' ? 'rss' : name === 'atom.xml' ? 'atom' : 'json', absolute(feedPath(scope, name))])),
  });
  for (const piece of readPieces(newest)) {
    feed.addItem({
      title: piece.title,
      id: absolute(piece.url),
      link: absolute(piece.url),
      description: piece.summary,
      content: absoluteLinks(piece.html),
      date: new Date(piece.updated ?? piece.date),
      published: new Date(piece.date),
      author: [{ name: authors[piece.author] ?? piece.author }],
      category: piece.tags.map((tag) => ({ name: tag })),
    });
  }
  return format === 'rss.xml' ? feed.rss2() : format === 'atom.xml' ? feed.atom1() : feed.json1();
}
