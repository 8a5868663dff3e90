-- The figures of each piece, kept rather than recomputed: how many ratings, their sum and their
-- distribution, and how many published comments. Maintained by the triggers below in the very
-- transaction of every change that moves them (a rating given, changed, withdrawn or moved to
-- another reader; a comment published, edited, deleted, approved, rejected, marked as spam; an
-- account deleted or merged; TRUNCATE), whatever code path made it. `npm run db:recount` checks
-- them against the rows and corrects them.

-- CreateTable
CREATE TABLE "piece_figures" (
    "piece_key" VARCHAR(200) NOT NULL,
    "ratings" INTEGER NOT NULL DEFAULT 0,
    "rating_sum" INTEGER NOT NULL DEFAULT 0,
    "stars_1" INTEGER NOT NULL DEFAULT 0,
    "stars_2" INTEGER NOT NULL DEFAULT 0,
    "stars_3" INTEGER NOT NULL DEFAULT 0,
    "stars_4" INTEGER NOT NULL DEFAULT 0,
    "stars_5" INTEGER NOT NULL DEFAULT 0,
    "comments" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "piece_figures_pkey" PRIMARY KEY ("piece_key")
);

-- A row always adds up (its count is its distribution's, its sum too). That a count is never
-- below zero is not a constraint: a damaged figure must not refuse a reader's write; it is what
-- `npm run db:recount` finds and corrects.
ALTER TABLE "piece_figures" ADD CONSTRAINT "piece_figures_counts_check"
  CHECK ("ratings" = "stars_1" + "stars_2" + "stars_3" + "stars_4" + "stars_5"
         AND "rating_sum" = "stars_1" + 2 * "stars_2" + 3 * "stars_3" + 4 * "stars_4" + 5 * "stars_5");

-- Each statement that changes ratings or comments adds, per piece, what it changed: its new rows
-- count +1, its old rows -1 (transition tables), one upsert per piece touched, in the order of
-- the pieces' keys (two statements over several pieces take their locks in the same order).
-- Per statement rather than per row: a statement over 100,000 rows of one piece updates that
-- piece's figures once, not 100,000 times.
-- The changed rows of the statement, as (piece_key, value, sign): a transition table exists only
-- for the events that make it, hence the query chosen by event and run with EXECUTE.
CREATE FUNCTION "piece_figures_changes"(op TEXT, columns TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE op
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS "sign" FROM "new_rows"', columns)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS "sign" FROM "old_rows"', columns)
    ELSE format('SELECT %s, 1 AS "sign" FROM "new_rows" UNION ALL SELECT %s, -1 FROM "old_rows"', columns, columns)
  END
$$;

CREATE FUNCTION "piece_figures_ratings"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    INSERT INTO "piece_figures" AS f ("piece_key", "ratings", "rating_sum", "stars_1", "stars_2", "stars_3", "stars_4", "stars_5")
    SELECT "piece_key", sum("sign"), sum("sign" * "value"),
           COALESCE(sum("sign") FILTER (WHERE "value" = 1), 0), COALESCE(sum("sign") FILTER (WHERE "value" = 2), 0),
           COALESCE(sum("sign") FILTER (WHERE "value" = 3), 0), COALESCE(sum("sign") FILTER (WHERE "value" = 4), 0),
           COALESCE(sum("sign") FILTER (WHERE "value" = 5), 0)
    FROM (%s) AS "changes"
    GROUP BY "piece_key"
    HAVING COALESCE(sum("sign") FILTER (WHERE "value" = 1), 0) <> 0 OR COALESCE(sum("sign") FILTER (WHERE "value" = 2), 0) <> 0
        OR COALESCE(sum("sign") FILTER (WHERE "value" = 3), 0) <> 0 OR COALESCE(sum("sign") FILTER (WHERE "value" = 4), 0) <> 0
        OR COALESCE(sum("sign") FILTER (WHERE "value" = 5), 0) <> 0
    ORDER BY "piece_key"
    ON CONFLICT ("piece_key") DO UPDATE SET
      "ratings" = f."ratings" + EXCLUDED."ratings",
      "rating_sum" = f."rating_sum" + EXCLUDED."rating_sum",
      "stars_1" = f."stars_1" + EXCLUDED."stars_1", "stars_2" = f."stars_2" + EXCLUDED."stars_2",
      "stars_3" = f."stars_3" + EXCLUDED."stars_3", "stars_4" = f."stars_4" + EXCLUDED."stars_4",
      "stars_5" = f."stars_5" + EXCLUDED."stars_5"
  $sql$, "piece_figures_changes"(TG_OP, '"piece_key", "value"'));
  RETURN NULL;
END $$;

CREATE FUNCTION "piece_figures_comments"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($sql$
    INSERT INTO "piece_figures" AS f ("piece_key", "comments")
    SELECT "piece_key", sum("sign") FROM (%s) AS "changes"
    WHERE "status" = 'published'
    GROUP BY "piece_key"
    HAVING sum("sign") <> 0
    ORDER BY "piece_key"
    ON CONFLICT ("piece_key") DO UPDATE SET "comments" = f."comments" + EXCLUDED."comments"
  $sql$, "piece_figures_changes"(TG_OP, '"piece_key", "status"'));
  RETURN NULL;
END $$;

CREATE FUNCTION "piece_figures_truncate"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'ratings' THEN
    UPDATE "piece_figures" SET "ratings" = 0, "rating_sum" = 0, "stars_1" = 0, "stars_2" = 0, "stars_3" = 0, "stars_4" = 0, "stars_5" = 0;
  ELSE
    UPDATE "piece_figures" SET "comments" = 0;
  END IF;
  RETURN NULL;
END $$;

-- A transition table exists only for the events that make it: one trigger per event.
CREATE TRIGGER "piece_figures_ratings_insert" AFTER INSERT ON "ratings" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings"();
CREATE TRIGGER "piece_figures_ratings_update" AFTER UPDATE ON "ratings" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings"();
CREATE TRIGGER "piece_figures_ratings_delete" AFTER DELETE ON "ratings" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings"();
CREATE TRIGGER "piece_figures_comments_insert" AFTER INSERT ON "comments" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments"();
CREATE TRIGGER "piece_figures_comments_update" AFTER UPDATE ON "comments" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments"();
CREATE TRIGGER "piece_figures_comments_delete" AFTER DELETE ON "comments" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments"();
CREATE TRIGGER "piece_figures_ratings_truncate" AFTER TRUNCATE ON "ratings" FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_truncate"();
CREATE TRIGGER "piece_figures_comments_truncate" AFTER TRUNCATE ON "comments" FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_truncate"();

-- The figures of the rows already there.
INSERT INTO "piece_figures" ("piece_key", "ratings", "rating_sum", "stars_1", "stars_2", "stars_3", "stars_4", "stars_5", "comments")
SELECT "piece_key", sum("ratings"), sum("rating_sum"), sum("s1"), sum("s2"), sum("s3"), sum("s4"), sum("s5"), sum("comments")
FROM (
  SELECT "piece_key", count(*) AS "ratings", sum("value") AS "rating_sum",
         count(*) FILTER (WHERE "value" = 1) AS "s1", count(*) FILTER (WHERE "value" = 2) AS "s2", count(*) FILTER (WHERE "value" = 3) AS "s3",
         count(*) FILTER (WHERE "value" = 4) AS "s4", count(*) FILTER (WHERE "value" = 5) AS "s5", 0 AS "comments"
  FROM "ratings" GROUP BY "piece_key"
  UNION ALL
  SELECT "piece_key", 0, 0, 0, 0, 0, 0, 0, count(*) FROM "comments" WHERE "status" = 'published' GROUP BY "piece_key"
) AS "rows"
GROUP BY "piece_key";
