import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { draftMode } from 'next/headers';
import { env, showUnpublished } from '@/lib/env';
import { CONTENT_TAG } from '@/lib/cache-tags';
import { isPublished, nextPublication, publishedIndex, type PieceIndex } from './rules';
import { allAuthors, allPieceSummaries, authorEmail, contentVersion, readPiece } from './store';
import type { AuthorProfile, Piece, PieceSummary, Section, Tag } from './types';

export type { AuthorProfile, Piece, PieceSummary, Picture, Section, Tag } from './types';
export { SECTIONS } from './types';
export { PAGE_SIZE, pageNumberParam, pageWindow, paginate, prerenderedPageNumbers } from './rules';

// Which pieces are published depends on the clock (a piece dated in the future appears by
// itself): the instant the lists are computed at comes from a cached function that expires
// within the hour. The content version is part of its cache key, so an edit under `npm run dev`
// shows at once. It returns only that instant: each page reads it back from Next's cache, and a
// 10,000-piece list deserialized there for every page made the build quadratic.
async function publicationInstant(_contentVersion: string): Promise<number> {
  'use cache';
  cacheTag(CONTENT_TAG);
  const now = Date.now();
  // Computed again within the hour, and when the next scheduled piece is due (a minute at the
  // least): it then appears in the lists, the feeds, the sitemap, and its page answers.
  const next = nextPublication(allPieceSummaries(), now);
  const untilNext = Number.isFinite(next) ? Math.ceil((next - now) / 1000) : 3600;
  cacheLife({ stale: 300, revalidate: Math.min(3600, Math.max(60, untilNext)), expire: 86_400 });
  return now;
}

// The published pieces and their lookups, built once per process for each (content, instant).
let built: { id: string; index: PieceIndex } | undefined;

async function published(): Promise<PieceIndex> {
  const version = contentVersion();
  const now = await publicationInstant(version);
  const id = `${version}@${now}`;
  if (built?.id !== id) built = { id, index: publishedIndex(allPieceSummaries(), now, showUnpublished) };
  return built.index;
}

/** Published pieces, newest first; of one section when one is given. */
export async function getPublishedPieces(section?: Section): Promise<readonly PieceSummary[]> {
  const index = await published();
  return section ? index.section(section) : index.pieces;
}

// In preview (Next's draft mode, turned on by /api/preview), drafts and future pieces show too.
async function previewPiece(section: Section, slug: string): Promise<PieceSummary | null> {
  const candidate = allPieceSummaries().find((piece) => piece.section === section && piece.slug === slug);
  if (!candidate || !(await draftMode()).isEnabled) return null;
  return { ...candidate, preview: true };
}

/** The `[section]/[slug]` params the build prerenders: the newest PRERENDER_PIECES pieces. */
export async function prerenderedPieceParams(): Promise<{ section: Section; slug: string }[]> {
  return (await getPublishedPieces()).slice(0, env.PRERENDER_PIECES).map((piece) => ({ section: piece.section, slug: piece.slug }));
}

/** A published piece with its body, related pieces and neighbours, or null. */
export async function getPiece(section: Section, slug: string) {
  const index = await published();
  const summary = index.find(section, slug) ?? (await previewPiece(section, slug));
  if (!summary) return null;
  const piece: Piece = readPiece(summary);
  return {
    piece,
    author: allAuthors().find((author) => author.slug === piece.author) ?? null,
    related: index.related(summary),
    ...index.adjacent(summary),
  };
}

// The readers' writes ask only whether one piece is published now: answered from the manifest
// and the clock, by one lookup, without the lists or the cached instant (reading it back from
// Next's cache cost a write more CPU than all its own checks).
let byPath: { version: string; pieces: Map<string, PieceSummary> } | undefined;

function publishedByPath(path: string): PieceSummary | null {
  const version = contentVersion();
  if (byPath?.version !== version) byPath = { version, pieces: new Map(allPieceSummaries().map((piece) => [`${piece.section}/${piece.slug}`, piece])) };
  const piece = byPath.pieces.get(path);
  return piece && isPublished(piece, Date.now(), showUnpublished) ? piece : null;
}

/** The key of a published piece (`interviews/<slug>`), or null for any other section or slug. */
export async function publishedPieceKey(section: string, slug: string): Promise<string | null> {
  return publishedByPath(`${section}/${slug}`)?.key ?? null;
}

/** What the comments of a piece depend on: its date, its frontmatter's `comments`, its author's account address. */
export function commentingRules(pieceKey: string): { date: string; comments?: 'open' | 'closed'; authorEmail: string | null } | null {
  const piece = publishedByPath(pieceKey);
  return piece && { date: piece.date, comments: piece.comments, authorEmail: authorEmail(piece.author) };
}

/** The published pieces of these keys (`section/slug`), in their order; a key that names none is left out. */
export async function publishedByKeys(keys: readonly string[]): Promise<PieceSummary[]> {
  const index = await published();
  return keys.flatMap((key) => {
    const [section = '', slug = ''] = key.split('/');
    const piece = index.find(section, slug);
    return piece ? [piece] : [];
  });
}

/** The full pieces behind summaries (their bodies included), for feeds. */
export function readPieces(summaries: readonly PieceSummary[]): Piece[] {
  return summaries.map(readPiece);
}

/** Every tag of the published pieces, most used first. */
export async function getTags(): Promise<Tag[]> {
  return (await published()).tags;
}

/** A tag and its published pieces, or null when no published piece carries it. */
export async function getTag(slug: string): Promise<{ tag: Tag; pieces: readonly PieceSummary[] } | null> {
  const index = await published();
  const tag = index.tags.find((candidate) => candidate.slug === slug);
  return tag ? { tag, pieces: index.withTag(slug) } : null;
}

/** Every author, for static paths. */
export function getAuthors(): AuthorProfile[] {
  return allAuthors();
}

/** An author and their published pieces, or null. */
export async function getAuthor(slug: string): Promise<{ author: AuthorProfile; pieces: readonly PieceSummary[] } | null> {
  const author = allAuthors().find((candidate) => candidate.slug === slug);
  if (!author) return null;
  return { author, pieces: (await published()).byAuthor(slug) };
}

/** Display names of authors by slug, for cards and bylines. */
export function authorNames(): Record<string, string> {
  return Object.fromEntries(allAuthors().map((author) => [author.slug, author.name]));
}
