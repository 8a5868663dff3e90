import 'server-only';
import { cacheLife, cacheTag, revalidateTag } from 'next/cache';
import { FIGURES_TAG, pieceTag, RANKINGS_TAG } from '@/lib/cache-tags';
import { featuredComments, listPublishedComments } from '@/lib/readers/comment-listing';
import { pieceCommentsState } from '@/lib/readers/comments';
import { isDatabaseUnavailable } from '@/lib/db/client';
import { mostCommented, mostLiked, type CommentedPiece, type RankingPage } from '@/lib/readers/rankings';
import { pieceStats, ratingAggregate, type RatingAggregate } from '@/lib/readers/ratings';
import type { CommentPage, CommentSort, FeaturedComment } from '@/lib/readers/comment-schemas';

// What readers wrote under a piece, cached per piece until a write or a moderation of that
// piece revalidates its tag: in steady state, serving a piece asks nothing of the database.
// A database error is caught in here (an error thrown out of a cached function becomes a 500)
// and cached briefly as "unavailable" (the `unavailable` profile of next.config.ts: tried again
// after 15 s), so the page recovers by itself once the database is back. That profile stays long
// enough to be prerendered: the sections are in the page's HTML even when the database was down.

/** How long a successful read is kept: for good, an hour, or until an instant (comments closing by age). */
type Life = 'max' | 'hours' | { until: number | null };

function keep(life: Life): void {
  if (life === 'hours') return cacheLife('hours');
  if (life === 'max' || life.until === null) return cacheLife('max');
  // Read again once the comments have closed by themselves (within 'max''s 30 days: read again
  // then, the instant is computed anew).
  const seconds = Math.min(30 * 86_400, Math.max(60, Math.ceil((life.until - Date.now()) / 1000)));
  cacheLife({ stale: 300, revalidate: seconds, expire: 365 * 86_400 });
}

/**
 * Runs a read inside a cached function: kept as `life` says when it succeeds (`until` read from
 * the value), for the short `unavailable` life (and answered null) when the database is down.
 * Called from within the `'use cache'` scope, so its cacheLife applies to the caller's entry.
 */
async function orUnavailable<T>(read: () => Promise<T>, life: Life | ((value: T) => Life) = 'max'): Promise<T | null> {
  try {
    const value = await read();
    keep(typeof life === 'function' ? life(value) : life);
    return value;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    cacheLife('unavailable');
    return null;
  }
}

/** The rating aggregate of a piece, or null while the database is unavailable. */
export async function cachedRatingAggregate(pieceKey: string): Promise<RatingAggregate | null> {
  'use cache';
  cacheTag(pieceTag(pieceKey), FIGURES_TAG);
  return orUnavailable(() => ratingAggregate(pieceKey));
}

/** A page of a piece's published comments in `sort` order, with whether they are open; null while the database is unavailable. */
export async function cachedCommentPage(pieceKey: string, cursor: string | null, sort: CommentSort = 'oldest'): Promise<CommentPage | null> {
  'use cache';
  cacheTag(pieceTag(pieceKey), FIGURES_TAG);
  return orUnavailable(
    async () => {
      const [page, state] = await Promise.all([listPublishedComments(pieceKey, cursor, sort), pieceCommentsState(pieceKey)]);
      return { ...page, open: state.open, closesAt: state.closesAt };
    },
    (value) => ({ until: value.closesAt }),
  ).then((value) => value && { count: value.count, sort: value.sort, comments: value.comments, nextCursor: value.nextCursor, open: value.open });
}

export type PieceReaderData = { aggregate: RatingAggregate; comments: CommentPage; featured: FeaturedComment[]; renderedAt: number };

/**
 * What the page of a piece shows under it: the rating aggregate, the first comments, the
 * « Coups de cœur », whether comments are open; null while unavailable. Read again by itself when
 * the comments close by age.
 */
export async function cachedPieceReaderData(pieceKey: string): Promise<PieceReaderData | null> {
  'use cache';
  cacheTag(pieceTag(pieceKey), FIGURES_TAG);
  return orUnavailable(
    async () => {
      const [aggregate, page, state] = await Promise.all([ratingAggregate(pieceKey), listPublishedComments(pieceKey), pieceCommentsState(pieceKey)]);
      const featured = await featuredComments(pieceKey, new Set(page.comments.map((comment) => comment.id)));
      return { aggregate, comments: { ...page, open: state.open }, featured, renderedAt: Date.now(), closesAt: state.closesAt };
    },
    (value) => ({ until: value.closesAt }),
  );
}

export type CardStats = Record<string, { average: number | null; ratings: number; comments: number }>;

/** Average, number of ratings and of comments of the pieces of a listing, in two queries; null while unavailable. */
export async function cachedCardStats(pieceKeys: string[]): Promise<CardStats | null> {
  'use cache';
  cacheTag(...pieceKeys.map(pieceTag), FIGURES_TAG);
  return orUnavailable(() => pieceStats(pieceKeys));
}

/** A page of « Les plus appréciés », or null while the database is unavailable. */
export async function cachedMostLiked(page: number): Promise<RankingPage | null> {
  'use cache';
  cacheTag(RANKINGS_TAG, FIGURES_TAG);
  return orUnavailable(() => mostLiked(page));
}

/**
 * « Les plus commentés » over the last 30 days, or null while the database is unavailable. Also
 * computed again every hour, as comments leave the 30-day window without any write.
 */
export async function cachedMostCommented(limit: number): Promise<CommentedPiece[] | null> {
  'use cache';
  cacheTag(RANKINGS_TAG, FIGURES_TAG);
  return orUnavailable(() => mostCommented(limit), 'hours');
}

/** After a write or a moderation on a piece: its next request reads fresh data, the rankings too. */
export function revalidatePiece(pieceKey: string): void {
  revalidateTag(pieceTag(pieceKey), { expire: 0 });
  revalidateTag(RANKINGS_TAG, { expire: 0 });
}
