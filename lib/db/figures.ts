import type pg from 'pg';

// The figures of each piece are kept by triggers (migration piece_figures). Here, what checks
// them against the rows: `npm run db:recount`, and `npm run db:import`, which loads the rows with
// the triggers off and sets every figure once at the end.

const COUNTED = `
  SELECT "piece_key", sum("ratings")::int AS "ratings", sum("rating_sum")::int AS "rating_sum",
         sum("s1")::int AS "stars_1", sum("s2")::int AS "stars_2", sum("s3")::int AS "stars_3", sum("s4")::int AS "stars_4", sum("s5")::int AS "stars_5",
         sum("comments")::int AS "comments", sum("useful")::int AS "useful"
  FROM (
    SELECT "piece_key", count(*) AS "ratings", sum("value") AS "rating_sum",
           count(*) FILTER (WHERE "value" = 1) AS "s1", count(*) FILTER (WHERE "value" = 2) AS "s2", count(*) FILTER (WHERE "value" = 3) AS "s3",
           count(*) FILTER (WHERE "value" = 4) AS "s4", count(*) FILTER (WHERE "value" = 5) AS "s5", 0 AS "comments", 0 AS "useful"
    FROM "ratings" GROUP BY "piece_key"
    UNION ALL
    SELECT "piece_key", 0, 0, 0, 0, 0, 0, 0, count(*), sum("useful") FROM "comments" WHERE "status" = 'published' GROUP BY "piece_key"
  ) AS "rows"
  GROUP BY "piece_key"`;

export const FIGURE_COLUMNS = ['ratings', 'rating_sum', 'stars_1', 'stars_2', 'stars_3', 'stars_4', 'stars_5', 'comments', 'useful'] as const;
type Figures = Record<(typeof FIGURE_COLUMNS)[number], number>;
export type Correction = { pieceKey: string; stored: Figures; counted: Figures };

/**
 * Recounts every piece's figures from the rows, inside the caller's transaction, with the rows'
 * writers held off (SHARE lock) so the count is of one instant; corrects and returns what differed.
 */
export async function recountFigures(client: pg.ClientBase): Promise<Correction[]> {
  await client.query('LOCK TABLE "ratings", "comments", "comment_reactions" IN SHARE MODE');
  // Each comment's « Utile » first (its own figure); the pieces' figures are counted from the
  // corrected rows just below.
  await client.query(`
    UPDATE "comments" c SET "useful" = COALESCE(r."n", 0)
    FROM "comments" k LEFT JOIN (SELECT "comment_id", count(*)::int AS "n" FROM "comment_reactions" GROUP BY "comment_id") r ON r."comment_id" = k."id"
    WHERE c."id" = k."id" AND c."useful" IS DISTINCT FROM COALESCE(r."n", 0)`);
  await client.query('LOCK TABLE "piece_figures" IN EXCLUSIVE MODE');
  const zero = `0 AS "ratings", 0 AS "rating_sum", 0 AS "stars_1", 0 AS "stars_2", 0 AS "stars_3", 0 AS "stars_4", 0 AS "stars_5", 0 AS "comments", 0 AS "useful"`;
  const { rows } = await client.query<{ piece_key: string; stored: Figures | null; counted: Figures | null }>(`
    WITH counted AS (${COUNTED})
    SELECT COALESCE(s."piece_key", c."piece_key") AS piece_key,
           CASE WHEN s."piece_key" IS NULL THEN NULL ELSE to_jsonb(s) - 'piece_key' END AS stored,
           CASE WHEN c."piece_key" IS NULL THEN NULL ELSE to_jsonb(c) - 'piece_key' END AS counted
    FROM "piece_figures" s FULL OUTER JOIN counted c ON c."piece_key" = s."piece_key"
    WHERE (to_jsonb(s) - 'piece_key') IS DISTINCT FROM COALESCE(to_jsonb(c) - 'piece_key', (SELECT to_jsonb(z) FROM (SELECT ${zero}) z))
    ORDER BY 1`);
  const empty = Object.fromEntries(FIGURE_COLUMNS.map((column) => [column, 0])) as Figures;
  const corrections = rows.map((row) => ({ pieceKey: row.piece_key, stored: row.stored ?? empty, counted: row.counted ?? empty }));
  for (const correction of corrections) {
    const values = FIGURE_COLUMNS.map((column) => correction.counted[column]);
    await client.query(
      `INSERT INTO "piece_figures" ("piece_key", ${FIGURE_COLUMNS.map((column) => `"${column}"`).join(', ')}) VALUES ($1, ${FIGURE_COLUMNS.map((_, index) => `$${index + 2}`).join(', ')})
       ON CONFLICT ("piece_key") DO UPDATE SET ${FIGURE_COLUMNS.map((column) => `"${column}" = EXCLUDED."${column}"`).join(', ')}`,
      [correction.pieceKey, ...values],
    );
  }
  return corrections;
}

/** Turns the figure triggers off (true) or on (false) for the caller's transaction's bulk load. */
export async function figureTriggers(client: pg.ClientBase, on: boolean): Promise<void> {
  // USER: the figure triggers, the only ones of these tables besides the foreign keys' own.
  const verb = on ? 'ENABLE' : 'DISABLE';
  await client.query(`ALTER TABLE "ratings" ${verb} TRIGGER USER`);
  await client.query(`ALTER TABLE "comments" ${verb} TRIGGER USER`);
  await client.query(`ALTER TABLE "comment_reactions" ${verb} TRIGGER USER`);
}
