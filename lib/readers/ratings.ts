import 'server-only';
import { db } from '@/lib/db/client';
import type { RatingSummary } from '@/lib/readers/rating-schemas';

export type RatingAggregate = Omit<RatingSummary, 'mine'>;

/** Count, average (to a tenth) and distribution of a piece's ratings. */
export async function ratingAggregate(pieceKey: string): Promise<RatingAggregate> {
  const groups = await db().prisma.rating.groupBy({ by: ['value'], where: { pieceKey }, _count: { _all: true } });
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let count = 0;
  let total = 0;
  for (const group of groups) {
    const value = group.value as 1 | 2 | 3 | 4 | 5;
    distribution[value] = group._count._all;
    count += group._count._all;
    total += value * group._count._all;
  }
  return { average: count ? Math.round((total / count) * 10) / 10 : null, count, distribution };
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
  const { prisma } = db();
  const [ratings, comments] = await Promise.all([
    prisma.rating.groupBy({ by: ['pieceKey'], where: { pieceKey: { in: pieceKeys } }, _avg: { value: true }, _count: { _all: true } }),
    prisma.comment.groupBy({ by: ['pieceKey'], where: { pieceKey: { in: pieceKeys }, status: 'published' }, _count: { _all: true } }),
  ]);
  const stats = Object.fromEntries(pieceKeys.map((key) => [key, { average: null as number | null, ratings: 0, comments: 0 }]));
  for (const row of ratings) {
    const entry = stats[row.pieceKey];
    if (!entry) continue;
    entry.ratings = row._count._all;
    entry.average = row._avg.value === null ? null : Math.round(row._avg.value * 10) / 10;
  }
  for (const row of comments) {
    const entry = stats[row.pieceKey];
    if (entry) entry.comments = row._count._all;
  }
  return stats;
}

export type PieceFigures = { pieceKey: string; average: number | null; ratings: number; comments: number; distribution: Record<1 | 2 | 3 | 4 | 5, number> };

/** For the editors: every rated or commented piece's average, count, distribution and comments. */
export async function allPieceFigures(): Promise<PieceFigures[]> {
  const { prisma } = db();
  const [ratings, comments] = await Promise.all([
    prisma.rating.groupBy({ by: ['pieceKey', 'value'], _count: { _all: true } }),
    prisma.comment.groupBy({ by: ['pieceKey'], where: { status: 'published' }, _count: { _all: true } }),
  ]);
  const figures = new Map<string, PieceFigures>();
  const entry = (pieceKey: string) => {
    let found = figures.get(pieceKey);
    if (!found) {
      found = { pieceKey, average: null, ratings: 0, comments: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
      figures.set(pieceKey, found);
    }
    return found;
  };
  for (const row of ratings) {
    const figure = entry(row.pieceKey);
    figure.distribution[row.value as 1 | 2 | 3 | 4 | 5] = row._count._all;
    figure.ratings += row._count._all;
  }
  for (const row of comments) entry(row.pieceKey).comments = row._count._all;
  for (const figure of figures.values()) {
    const total = ([1, 2, 3, 4, 5] as const).reduce((sum, stars) => sum + stars * figure.distribution[stars], 0);
    figure.average = figure.ratings ? Math.round((total / figure.ratings) * 10) / 10 : null;
  }
  return [...figures.values()];
}
