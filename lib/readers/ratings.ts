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

/** The limits a rating is written under (null: not counted here). */
export type RatingLimits = { perMinuteReader: number | null; perMinuteAddress: number | null; newPerDay: number | null };
export type RatingOutcome =
  | { outcome: 'ok'; aggregate: RatingAggregate }
  | { outcome: 'too_many_changes' | 'too_many_new'; waitMs: number };

type WriteRow = FiguresRow & { outcome: 'ok' | 'too_many_changes' | 'too_many_new'; waitMs: string };

/**
 * Gives, changes (`value`) or withdraws (`null`) a reader's rating within `limits`, and returns
 * the piece's new figures: one statement, one transaction (the SQL function rate_piece of
 * migration reader_writes holds the rules).
 */
export async function writeRating(
  pieceKey: string,
  writer: { readerKey: string; addressKey: string; userId: string | null },
  value: number | null,
  limits: RatingLimits,
): Promise<RatingOutcome> {
  const { rows } = await db().pool.query<WriteRow>({
    name: 'rate_piece',
    text: `SELECT "outcome", "wait_ms" AS "waitMs", "ratings", "rating_sum" AS "ratingSum",
                  "stars_1" AS "stars1", "stars_2" AS "stars2", "stars_3" AS "stars3", "stars_4" AS "stars4", "stars_5" AS "stars5"
           FROM rate_piece($1, $2, $3, $4, $5, $6, $7, $8)`,
    values: [pieceKey, writer.readerKey, writer.addressKey, writer.userId, value, limits.perMinuteReader, limits.perMinuteAddress, limits.newPerDay],
  });
  const row = rows[0];
  if (!row) throw new Error('rate_piece n’a rendu aucune ligne');
  if (row.outcome !== 'ok') return { outcome: row.outcome, waitMs: Number(row.waitMs) };
  return { outcome: 'ok', aggregate: { average: average(row), count: row.ratings, distribution: distributionOf(row) } };
}

const UNLIMITED: RatingLimits = { perMinuteReader: null, perMinuteAddress: null, newPerDay: null };

/** Gives or changes a reader's rating, outside any limit (for tests and tools; readers go through rateAs). */
export async function setRating(pieceKey: string, readerKey: string, value: number, userId: string | null = null): Promise<void> {
  await writeRating(pieceKey, { readerKey, addressKey: '', userId }, value, UNLIMITED);
}

/** Withdraws a reader's rating (nothing happens when there is none). */
export async function removeRating(pieceKey: string, readerKey: string): Promise<void> {
  await writeRating(pieceKey, { readerKey, addressKey: '', userId: null }, null, UNLIMITED);
}

/** For each piece: its average rating, its number of ratings and of published comments. */
export async function pieceStats(pieceKeys: string[]): Promise<Record<string, { average: number | null; ratings: number; comments: number }>> {
  const rows = await db().prisma.pieceFigures.findMany({ where: { pieceKey: { in: pieceKeys } } });
  const stats = Object.fromEntries(pieceKeys.map((key) => [key, { average: null as number | null, ratings: 0, comments: 0 }]));
  for (const row of rows) stats[row.pieceKey] = { average: average(row), ratings: row.ratings, comments: row.comments };
  return stats;
}

export type PieceFigures = { pieceKey: string; average: number | null; ratings: number; comments: number; useful: number; distribution: Record<1 | 2 | 3 | 4 | 5, number> };

/** For the editors: every rated or commented piece's average, count, distribution and comments. */
export async function allPieceFigures(): Promise<PieceFigures[]> {
  const rows = await db().prisma.pieceFigures.findMany({ where: { OR: [{ ratings: { gt: 0 } }, { comments: { gt: 0 } }] } });
  return rows.map((row) => ({ pieceKey: row.pieceKey, average: average(row), ratings: row.ratings, comments: row.comments, useful: row.useful, distribution: distributionOf(row) }));
}
