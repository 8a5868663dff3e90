import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { draftMode } from 'next/headers';
import { showUnpublished } from '@/lib/env';
import { CONTENT_TAG } from '@/lib/cache-tags';
import { adjacentPieces, inSection, isPublished, newestFirst, relatedPieces, tagsOf } from './rules';
import { allAuthors, allPieceSummaries, contentVersion, readPiece } from './store';
import type { AuthorProfile, Piece, PieceSummary, Section, Tag } from './types';

export type { AuthorProfile, Piece, PieceSummary, Section, Tag } from './types';
export { SECTIONS } from './types';
export { PAGE_SIZE, pageNumberParam, pageWindow, paginate } from './rules';

// Which pieces are published depends on the clock (a piece dated in the future appears by
// itself): every list is computed in a cached function that expires within the hour. The
// content version is part of the cache key, so an edit under `npm run dev` shows at once.
async function publishedOf(_contentVersion: string): Promise<PieceSummary[]> {
  'use cache';
  cacheTag(CONTENT_TAG);
  const now = Date.now();
  // Computed again within the hour, and when the next scheduled piece is due (a minute at the
  // least): it then appears in the lists, the feeds, the sitemap, and its page answers.
  const next = Math.min(...allPieceSummaries().filter((piece) => !piece.draft && Date.parse(piece.date) > now).map((piece) => Date.parse(piece.date)));
  const untilNext = Number.isFinite(next) ? Math.ceil((next - now) / 1000) : 3600;
  cacheLife({ stale: 300, revalidate: Math.min(3600, Math.max(60, untilNext)), expire: 86_400 });
  return newestFirst(
    allPieceSummaries()
      .filter((piece) => isPublished(piece, now, showUnpublished))
      .map((piece) => (Date.parse(piece.date) > now ? { ...piece, scheduled: true } : piece)),
  );
}

function published(): Promise<PieceSummary[]> {
  return publishedOf(contentVersion());
}

/** Published pieces, newest first; of one section when one is given. */
export async function getPublishedPieces(section?: Section): Promise<PieceSummary[]> {
  const pieces = await published();
  return section ? inSection(pieces, section) : pieces;
}

// In preview (Next's draft mode, turned on by /api/preview), drafts and future pieces show too.
async function previewPiece(section: Section, slug: string): Promise<PieceSummary | null> {
  const candidate = allPieceSummaries().find((piece) => piece.section === section && piece.slug === slug);
  if (!candidate || !(await draftMode()).isEnabled) return null;
  return { ...candidate, preview: true };
}

/** A published piece with its body, related pieces and neighbours, or null. */
export async function getPiece(section: Section, slug: string) {
  const pieces = await published();
  const summary = pieces.find((piece) => piece.section === section && piece.slug === slug) ?? (await previewPiece(section, slug));
  if (!summary) return null;
  const piece: Piece = readPiece(summary);
  return {
    piece,
    author: allAuthors().find((author) => author.slug === piece.author) ?? null,
    related: relatedPieces(summary, pieces),
    ...adjacentPieces(summary, pieces),
  };
}

/** The key of a published piece (`interviews/<slug>`), or null for any other section or slug. */
export async function publishedPieceKey(section: string, slug: string): Promise<string | null> {
  const pieces = await published();
  return pieces.find((piece) => piece.section === section && piece.slug === slug)?.key ?? null;
}

/** The full pieces behind summaries (their bodies included), for feeds. */
export function readPieces(summaries: PieceSummary[]): Piece[] {
  return summaries.map(readPiece);
}

/** Every tag of the published pieces, most used first. */
export async function getTags(): Promise<Tag[]> {
  return tagsOf(await published());
}

/** A tag and its published pieces, or null when no published piece carries it. */
export async function getTag(slug: string): Promise<{ tag: Tag; pieces: PieceSummary[] } | null> {
  const pieces = await published();
  const tag = tagsOf(pieces).find((candidate) => candidate.slug === slug);
  if (!tag) return null;
  return { tag, pieces: pieces.filter((piece) => piece.tagSlugs.includes(slug)) };
}

/** Every author, for static paths. */
export function getAuthors(): AuthorProfile[] {
  return allAuthors();
}

/** An author and their published pieces, or null. */
export async function getAuthor(slug: string): Promise<{ author: AuthorProfile; pieces: PieceSummary[] } | null> {
  const author = allAuthors().find((candidate) => candidate.slug === slug);
  if (!author) return null;
  return { author, pieces: (await published()).filter((piece) => piece.author === slug) };
}

/** Display names of authors by slug, for cards and bylines. */
export function authorNames(): Record<string, string> {
  return Object.fromEntries(allAuthors().map((author) => [author.slug, author.name]));
}
