import 'server-only';
import { db } from '@/lib/db/client';
import type { RatingSummary } from '@/lib/readers/rating-schemas';

export type RatingAggregate = Omit<RatingSummary, 'mine'>;

type FiguresRow = { ratings: number; ratingSum: number; stars1: number; stars2: number; stars3: number; stars4: number; stars5: number };

const average = (row: FiguresRow) => (row.ratings ? Math.round((row.ratingSum / row.ratings) * 10) / 10 : null);
const distributionOf = (row: FiguresRow) => ({ 1: row.stars1, 2: row.stars2, 3: row.stars3, 4: row.stars4, 5: row.stars5 });

/**
 * Count, average (to a tenth) and distribution of a piece's ratings: one row, kept by the
 * database in the transaction of every change (migration piece_figures), whatever the piece's
 * number of ratings.
 */
export async function ratingAggregate(pieceKey: string): Promise<RatingAggregate> {
  const row = await db().prisma.pieceFigures.findUnique({ where: { pieceKey } });
  if (!row) return { average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
  return { average: average(row), count: row.ratings, distribution: distributionOf(row) };
}

/** The stars one reader gave a piece, or null. */
export async function readerRating(pieceKey: string, readerKey: string): Promise<number | null> {
  const rating = await db().prisma.rating.findUnique({
    where: { pieceKey_readerKey: { pieceKey, readerKey } },
    select: { value: true },
  });
  return rating?.value ?? null;
}

/** Gives or changes a reader's rating: one atomic INSERT … ON CONFLICT, never read-then-write. */
export async function setRating(pieceKey: string, readerKey: string, value: number, userId: string | null = null): Promise<void> {
  await db().prisma.$executeRaw`
    INSERT INTO ratings (piece_key, reader_key, user_id, value)
    VALUES (${pieceKey}, ${readerKey}, ${userId}, ${value})
    ON CONFLICT (piece_key, reader_key)
    DO UPDATE SET value = EXCLUDED.value, user_id = EXCLUDED.user_id, updated_at = CURRENT_TIMESTAMP`;
}

/** Withdraws a reader's rating (nothing happens when there is none). */
export async function removeRating(pieceKey: string, readerKey: string): Promise<void> {
  await db().prisma.rating.deleteMany({ where: { pieceKey, readerKey } });
}

/** For each piece: its average rating, its number of ratings and of published comments. */
export async function pieceStats(pieceKeys: string[]): Promise<Record<string, { average: number | null; ratings: number; comments: number }>> {
  const rows = await db().prisma.pieceFigures.findMany({ where: { pieceKey: { in: pieceKeys } } });
  const stats = Object.fromEntries(pieceKeys.map((key) => [key, { average: null as number | null, ratings: 0, comments: 0 }]));
  for (const row of rows) stats[row.pieceKey] = { average: average(row), ratings: row.ratings, comments: row.comments };
  return stats;
}

export type PieceFigures = { pieceKey: string; average: number | null; ratings: number; comments: number; distribution: Record<1 | 2 | 3 | 4 | 5, number> };

/** For the editors: every rated or commented piece's average, count, distribution and comments. */
export async function allPieceFigures(): Promise<PieceFigures[]> {
  const rows = await db().prisma.pieceFigures.findMany({ where: { OR: [{ ratings: { gt: 0 } }, { comments: { gt: 0 } }] } });
  return rows.map((row) => ({ pieceKey: row.pieceKey, average: average(row), ratings: row.ratings, comments: row.comments, distribution: distributionOf(row) }));
}
