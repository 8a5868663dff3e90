import 'server-only';
import { cacheLife, cacheTag, revalidateTag } from 'next/cache';
import { pieceTag } from '@/lib/cache-tags';
import { listPublishedComments } from '@/lib/comments';
import { isDatabaseUnavailable } from '@/lib/db';
import { ratingAggregate, type RatingAggregate } from '@/lib/ratings';
import type { CommentPage } from '@/lib/validations/comment';

// What readers wrote under a piece, cached per piece until a write or a moderation of that
// piece revalidates its tag: in steady state, serving a piece asks nothing of the database.
// A database error is caught in here (an error thrown out of a cached function becomes a 500)
// and cached briefly as "unavailable", so the page recovers by itself once the database is back.

/** The rating aggregate of a piece, or null while the database is unavailable. */
export async function cachedRatingAggregate(pieceKey: string): Promise<RatingAggregate | null> {
  'use cache';
  cacheTag(pieceTag(pieceKey));
  try {
    const aggregate = await ratingAggregate(pieceKey);
    cacheLife('max');
    return aggregate;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    cacheLife('seconds');
    return null;
  }
}

/** A page of a piece's published comments, or null while the database is unavailable. */
export async function cachedCommentPage(pieceKey: string, cursor: string | null): Promise<CommentPage | null> {
  'use cache';
  cacheTag(pieceTag(pieceKey));
  try {
    const page = await listPublishedComments(pieceKey, cursor);
    cacheLife('max');
    return page;
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    cacheLife('seconds');
    return null;
  }
}

/** After a write or a moderation on a piece: its next request reads fresh data. */
export function revalidatePiece(pieceKey: string): void {
  revalidateTag(pieceTag(pieceKey), { expire: 0 });
}
