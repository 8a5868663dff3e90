import { db } from '@/lib/db/client';

// « Les plus appréciés » and « Les plus commentés », read from the figures the triggers keep
// (piece_figures) and from the published comments, joined to the archive's mirror `pieces` so that
// only published pieces are ranked. Cached by lib/readers/piece-cache.ts, revalidated by every
// write: in steady state, showing them asks nothing of the database.

/**
 * The prior of the Bayesian average: every piece is ranked as if it had PRIOR_COUNT more ratings
 * of PRIOR_MEAN stars, the middle of the scale. A piece must earn its place with several ratings:
 * one 5-star rating scores (5 × 3 + 5) / 6 ≈ 3.33, twenty 4-star ratings (5 × 3 + 80) / 25 = 3.8.
 * Fixed rather than the archive's own mean, so a piece's score moves only with its own ratings.
 */
export const PRIOR_MEAN = 3;
export const PRIOR_COUNT = 5;

/** Pieces per page of /les-plus-apprecies. */
export const RANKING_PAGE_SIZE = 10;
/** « Les plus commentés » counts the comments published over this many days. */
export const COMMENTED_DAYS = 30;

/** A piece's score: the mean of its ratings pulled toward PRIOR_MEAN by PRIOR_COUNT ratings. */
export function bayesianAverage(ratings: number, ratingSum: number): number {
  return (PRIOR_MEAN * PRIOR_COUNT + ratingSum) / (PRIOR_COUNT + ratings);
}

export type RankedPiece = { pieceKey: string; average: number; ratings: number; comments: number; score: number };
export type RankingPage = { entries: RankedPiece[]; total: number };

// Published at the time of the query, as the pages' own rule says (lib/content/rules.ts).
const PUBLISHED = `p."published_at" <= now() AND NOT p."draft"`;

/** One page (from 1) of the rated published pieces, best score first, and how many there are. */
export async function mostLiked(page: number, size = RANKING_PAGE_SIZE): Promise<RankingPage> {
  const { rows } = await db().pool.query<{ piece_key: string; ratings: number; rating_sum: number; comments: number; score: number; total: string }>({
    name: 'most-liked',
    text: `SELECT f."piece_key", f."ratings", f."rating_sum", f."comments", s."score", count(*) OVER () AS "total"
           FROM "piece_figures" f
           JOIN "pieces" p ON p."key" = f."piece_key"
           CROSS JOIN LATERAL (SELECT ($1::float8 * $2 + f."rating_sum") / ($2 + f."ratings") AS "score") s
           WHERE f."ratings" > 0 AND ${PUBLISHED}
           ORDER BY s."score" DESC, f."ratings" DESC, p."published_at" DESC, f."piece_key"
           LIMIT $3 OFFSET $4`,
    values: [PRIOR_MEAN, PRIOR_COUNT, size, (page - 1) * size],
  });
  const total = rows[0] ? Number(rows[0].total) : page === 1 ? 0 : await countRated();
  const entries = rows.map((row) => ({ pieceKey: row.piece_key, average: Math.round((row.rating_sum / row.ratings) * 10) / 10, ratings: row.ratings, comments: row.comments, score: Math.round(row.score * 1000) / 1000 }));
  return { entries, total };
}

// A page past the end has no row to carry the count: asked apart, so the page can answer 404.
async function countRated(): Promise<number> {
  const { rows } = await db().pool.query<{ total: string }>(
    `SELECT count(*) AS "total" FROM "piece_figures" f JOIN "pieces" p ON p."key" = f."piece_key" WHERE f."ratings" > 0 AND ${PUBLISHED}`,
  );
  return Number(rows[0]?.total ?? 0);
}

export type CommentedPiece = { pieceKey: string; recentComments: number };

/** The published pieces with the most comments published over the last COMMENTED_DAYS days. */
export async function mostCommented(limit: number, days = COMMENTED_DAYS): Promise<CommentedPiece[]> {
  const { rows } = await db().pool.query<{ piece_key: string; recent: number }>({
    name: 'most-commented',
    text: `SELECT c."piece_key", count(*)::int AS "recent"
           FROM "comments" c
           JOIN "pieces" p ON p."key" = c."piece_key"
           WHERE c."status" = 'published' AND c."created_at" > now() - make_interval(days => $1) AND ${PUBLISHED}
           GROUP BY c."piece_key"
           ORDER BY "recent" DESC, max(c."created_at") DESC, c."piece_key"
           LIMIT $2`,
    values: [days, limit],
  });
  return rows.map((row) => ({ pieceKey: row.piece_key, recentComments: row.recent }));
}
