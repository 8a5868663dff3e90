import 'server-only';
import { publishedByKeys, type PieceSummary } from '@/lib/content';
import { cachedMostCommented, cachedMostLiked } from '@/lib/readers/piece-cache';
import { RANKING_PAGE_SIZE } from '@/lib/readers/rankings';

// The rankings as the home page, /les-plus-apprecies and GET /api/rankings show them: the cached
// figures joined to the published pieces they are about (a piece unpublished since it was rated
// is left out).

export type LikedEntry = { piece: PieceSummary; average: number; ratings: number; comments: number; score: number };
export type CommentedEntry = { piece: PieceSummary; recentComments: number };

async function withPieces<T extends { pieceKey: string }>(rows: readonly T[]): Promise<Array<Omit<T, 'pieceKey'> & { piece: PieceSummary }>> {
  const pieces = new Map((await publishedByKeys(rows.map((row) => row.pieceKey))).map((piece) => [piece.key, piece]));
  return rows.flatMap(({ pieceKey, ...figures }) => {
    const piece = pieces.get(pieceKey);
    return piece ? [{ ...figures, piece }] : [];
  });
}

/** A page of « Les plus appréciés » and the ranking's page count; null while the database is unavailable. */
export async function mostLikedPage(page: number): Promise<{ entries: LikedEntry[]; total: number; pageCount: number } | null> {
  const ranking = await cachedMostLiked(page);
  if (!ranking) return null;
  return { entries: await withPieces(ranking.entries), total: ranking.total, pageCount: Math.max(1, Math.ceil(ranking.total / RANKING_PAGE_SIZE)) };
}

/** « Les plus commentés » of the last 30 days; null while the database is unavailable. */
export async function mostCommentedPieces(limit: number): Promise<CommentedEntry[] | null> {
  const commented = await cachedMostCommented(limit);
  return commented && withPieces(commented);
}
