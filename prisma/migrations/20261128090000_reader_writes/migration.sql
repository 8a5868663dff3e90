-- The readers' writes in as few round trips as they can take (issue 16). A rating in one
-- statement, one transaction: the reader's and their address's per-minute limits, the address's
-- daily allowance of new ratings on a piece, the write (the piece's figures follow by the
-- triggers of piece_figures) and the piece's new figures. A comment with its checks in one
-- statement: the limits, the bans, the parent, the status, the write. The rules
-- live here; lib/readers/ passes the limits from the settings and turns outcomes into answers.

-- The figures' triggers (migration piece_figures) again, with static statements: the first ones
-- built their statement with EXECUTE, planned again at every write (and an INSERT … ON CONFLICT
-- DO UPDATE fires both its INSERT and its UPDATE triggers): measured with pgbench, ratings on
-- 1,000 pieces went from 3,556 to 8,937 writes/s. Same rules: each statement adds, per piece, its
-- new rows +1 and its old rows -1, one upsert per piece touched, in the order of the pieces' keys;
-- the helpers below hold the one upsert of each table, the triggers gather their rows for it.

-- Adds signed rows of ratings (piece, stars, +1 or -1) to the pieces' figures.
CREATE FUNCTION "piece_figures_add_ratings"(p_keys TEXT[], p_values INTEGER[], p_signs INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "piece_figures" AS f ("piece_key", "ratings", "rating_sum", "stars_1", "stars_2", "stars_3", "stars_4", "stars_5")
  SELECT k, sum(s), sum(s * v),
         COALESCE(sum(s) FILTER (WHERE v = 1), 0), COALESCE(sum(s) FILTER (WHERE v = 2), 0), COALESCE(sum(s) FILTER (WHERE v = 3), 0),
         COALESCE(sum(s) FILTER (WHERE v = 4), 0), COALESCE(sum(s) FILTER (WHERE v = 5), 0)
  FROM unnest(p_keys, p_values, p_signs) AS c(k, v, s)
  GROUP BY k
  HAVING COALESCE(sum(s) FILTER (WHERE v = 1), 0) <> 0 OR COALESCE(sum(s) FILTER (WHERE v = 2), 0) <> 0
      OR COALESCE(sum(s) FILTER (WHERE v = 3), 0) <> 0 OR COALESCE(sum(s) FILTER (WHERE v = 4), 0) <> 0
      OR COALESCE(sum(s) FILTER (WHERE v = 5), 0) <> 0
  ORDER BY k
  ON CONFLICT ("piece_key") DO UPDATE SET
    "ratings" = f."ratings" + EXCLUDED."ratings", "rating_sum" = f."rating_sum" + EXCLUDED."rating_sum",
    "stars_1" = f."stars_1" + EXCLUDED."stars_1", "stars_2" = f."stars_2" + EXCLUDED."stars_2", "stars_3" = f."stars_3" + EXCLUDED."stars_3",
    "stars_4" = f."stars_4" + EXCLUDED."stars_4", "stars_5" = f."stars_5" + EXCLUDED."stars_5";
END $$;

CREATE FUNCTION "piece_figures_ratings_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_ratings"(array_agg("piece_key"), array_agg("value"::INTEGER), array_agg(1)) FROM "new_rows";
  RETURN NULL;
END $$;
CREATE FUNCTION "piece_figures_ratings_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_ratings"(array_agg(k), array_agg(v), array_agg(s))
  FROM (SELECT "piece_key" AS k, "value"::INTEGER AS v, 1 AS s FROM "new_rows" UNION ALL SELECT "piece_key", "value", -1 FROM "old_rows") AS c;
  RETURN NULL;
END $$;
CREATE FUNCTION "piece_figures_ratings_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_ratings"(array_agg("piece_key"), array_agg("value"::INTEGER), array_agg(-1)) FROM "old_rows";
  RETURN NULL;
END $$;
DROP TRIGGER "piece_figures_ratings_insert" ON "ratings";
DROP TRIGGER "piece_figures_ratings_update" ON "ratings";
DROP TRIGGER "piece_figures_ratings_delete" ON "ratings";
CREATE TRIGGER "piece_figures_ratings_insert" AFTER INSERT ON "ratings" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings_inserted"();
CREATE TRIGGER "piece_figures_ratings_update" AFTER UPDATE ON "ratings" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings_updated"();
CREATE TRIGGER "piece_figures_ratings_delete" AFTER DELETE ON "ratings" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_ratings_deleted"();

-- Adds signed published comments (piece, +1 or -1) to the pieces' figures.
CREATE FUNCTION "piece_figures_add_comments"(p_keys TEXT[], p_signs INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "piece_figures" AS f ("piece_key", "comments")
  SELECT k, sum(s) FROM unnest(p_keys, p_signs) AS c(k, s)
  GROUP BY k
  HAVING sum(s) <> 0
  ORDER BY k
  ON CONFLICT ("piece_key") DO UPDATE SET "comments" = f."comments" + EXCLUDED."comments";
END $$;

CREATE FUNCTION "piece_figures_comments_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comments"(array_agg("piece_key"), array_agg(1)) FROM "new_rows" WHERE "status" = 'published';
  RETURN NULL;
END $$;
CREATE FUNCTION "piece_figures_comments_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comments"(array_agg(k), array_agg(s))
  FROM (SELECT "piece_key" AS k, 1 AS s FROM "new_rows" WHERE "status" = 'published'
        UNION ALL SELECT "piece_key", -1 FROM "old_rows" WHERE "status" = 'published') AS c;
  RETURN NULL;
END $$;
CREATE FUNCTION "piece_figures_comments_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comments"(array_agg("piece_key"), array_agg(-1)) FROM "old_rows" WHERE "status" = 'published';
  RETURN NULL;
END $$;
DROP TRIGGER "piece_figures_comments_insert" ON "comments";
DROP TRIGGER "piece_figures_comments_update" ON "comments";
DROP TRIGGER "piece_figures_comments_delete" ON "comments";
CREATE TRIGGER "piece_figures_comments_insert" AFTER INSERT ON "comments" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments_inserted"();
CREATE TRIGGER "piece_figures_comments_update" AFTER UPDATE ON "comments" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments_updated"();
CREATE TRIGGER "piece_figures_comments_delete" AFTER DELETE ON "comments" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "piece_figures_comments_deleted"();

DROP FUNCTION "piece_figures_ratings"();
DROP FUNCTION "piece_figures_comments"();
DROP FUNCTION "piece_figures_changes"(TEXT, TEXT);

-- One use of a rate limit, in the format rate-limiter-flexible's RateLimiterPostgres kept in
-- rate_limits before this migration (key "<prefix>:<key>", a fixed window ending at "expire" in
-- milliseconds since 1970), so the counters of the minute of an upgrade carry on. Returns how long
-- to wait in milliseconds when this use is over the limit, 0 when it is within.
CREATE FUNCTION "rate_limit_use"(p_key TEXT, p_limit INTEGER, p_window_ms BIGINT) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
  now_ms BIGINT := floor(extract(epoch FROM clock_timestamp()) * 1000);
  used INTEGER;
  ends BIGINT;
BEGIN
  INSERT INTO "rate_limits" AS r ("key", "points", "expire") VALUES (p_key, 1, now_ms + p_window_ms)
  ON CONFLICT ("key") DO UPDATE SET
    "points" = CASE WHEN r."expire" <= now_ms THEN 1 ELSE r."points" + 1 END,
    "expire" = CASE WHEN r."expire" <= now_ms THEN now_ms + p_window_ms ELSE r."expire" END
  RETURNING "points", "expire" INTO used, ends;
  RETURN CASE WHEN used > p_limit THEN greatest(ends - now_ms, 1) ELSE 0 END;
END $$;

-- One action of a reader (a rating, a comment, a report…), counted against its per-minute limits
-- for the reader ("<action>:reader:<key>") and for the address ("<action>:address:<key>"), both
-- counted. Returns how long to wait in milliseconds when either is over its limit, 0 otherwise.
CREATE FUNCTION "reader_limits_use"(p_action TEXT, p_reader_key TEXT, p_address_key TEXT, p_reader_limit INTEGER, p_address_limit INTEGER)
RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
  reader_wait BIGINT := "rate_limit_use"(p_action || ':reader:' || p_reader_key, p_reader_limit, 60000);
  address_wait BIGINT := "rate_limit_use"(p_action || ':address:' || p_address_key, p_address_limit, 60000);
BEGIN
  RETURN greatest(reader_wait, address_wait);
END $$;

-- Gives (p_value 1 to 5), changes or withdraws (p_value NULL) a reader's rating of a piece.
-- outcome: 'ok'; 'too_many_changes' (a per-minute limit: every rating, change or withdrawal
-- counts, for the reader and for the address, both counted); 'too_many_new' (the address's
-- daily allowance of new ratings on this piece: only a reader's first rating of it counts).
-- A refusal writes no rating and waits wait_ms. NULL per-minute limits: counted elsewhere
-- (Redis, shared by the instances); a NULL daily allowance: none (an editor's or a test's write).
-- The figures are the piece's after the write, as every reader sees them once it commits.
CREATE FUNCTION "rate_piece"(
  p_piece_key TEXT, p_reader_key TEXT, p_address_key TEXT, p_user_id TEXT, p_value INTEGER,
  p_per_minute_reader INTEGER, p_per_minute_address INTEGER, p_new_per_day INTEGER)
RETURNS TABLE (
  "outcome" TEXT, "wait_ms" BIGINT, "ratings" INTEGER, "rating_sum" INTEGER,
  "stars_1" INTEGER, "stars_2" INTEGER, "stars_3" INTEGER, "stars_4" INTEGER, "stars_5" INTEGER)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  verdict TEXT := 'ok';
  wait BIGINT := 0;
BEGIN
  IF p_per_minute_reader IS NOT NULL THEN
    wait := "reader_limits_use"('rating', p_reader_key, p_address_key, p_per_minute_reader, p_per_minute_address);
    IF wait > 0 THEN verdict := 'too_many_changes'; END IF;
  END IF;

  IF verdict = 'ok' AND p_value IS NULL THEN
    DELETE FROM "ratings" WHERE "piece_key" = p_piece_key AND "reader_key" = p_reader_key;
  ELSIF verdict = 'ok' THEN
    IF p_new_per_day IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "ratings" WHERE "piece_key" = p_piece_key AND "reader_key" = p_reader_key) THEN
      wait := "rate_limit_use"('rating:new:' || p_address_key || ':' || p_piece_key, p_new_per_day, 86400000);
      IF wait > 0 THEN verdict := 'too_many_new'; END IF;
    END IF;
    IF verdict = 'ok' THEN
      INSERT INTO "ratings" ("piece_key", "reader_key", "user_id", "value")
      VALUES (p_piece_key, p_reader_key, p_user_id, p_value)
      ON CONFLICT ("piece_key", "reader_key")
      DO UPDATE SET "value" = EXCLUDED."value", "user_id" = EXCLUDED."user_id", "updated_at" = CURRENT_TIMESTAMP;
    END IF;
  END IF;

  RETURN QUERY
    SELECT verdict, wait, COALESCE(f."ratings", 0), COALESCE(f."rating_sum", 0),
           COALESCE(f."stars_1", 0), COALESCE(f."stars_2", 0), COALESCE(f."stars_3", 0), COALESCE(f."stars_4", 0), COALESCE(f."stars_5", 0)
    FROM (SELECT 1) AS "one" LEFT JOIN "piece_figures" f ON f."piece_key" = p_piece_key;
END $$;

-- Stores a reader's comment or reply with its checks, in one statement: the per-minute limits
-- (counted; NULL limits: none), the bans on the writer's keys (p_ban_kinds[i], p_ban_keys[i]:
-- account, browser, email hash), the parent (a published comment of the same piece; a reply to
-- a reply goes under its top comment) and the status: p_status_known when the reader already has
-- a published comment, p_status_new otherwise (they differ under pre-moderation only), stored as
-- 'spam' instead when p_spam (the honeypot was filled; the reader is told the status all the same).
-- outcome: 'ok', 'too_many_comments' (wait_ms), 'banned', 'parent_not_found'; only 'ok' stores.
CREATE FUNCTION "post_comment"(
  p_piece_key TEXT, p_parent_id UUID, p_author TEXT, p_email TEXT, p_notify BOOLEAN, p_user_id TEXT, p_body TEXT,
  p_reader_key TEXT, p_address_key TEXT, p_created_at TIMESTAMPTZ,
  p_status_known "CommentStatus", p_status_new "CommentStatus", p_spam BOOLEAN,
  p_ban_kinds TEXT[], p_ban_keys TEXT[], p_per_minute_reader INTEGER, p_per_minute_address INTEGER)
RETURNS TABLE ("outcome" TEXT, "wait_ms" BIGINT, "status" "CommentStatus", "id" UUID, "parent_id" UUID, "created_at" TIMESTAMPTZ)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  wait BIGINT := 0;
  top UUID;
  chosen "CommentStatus" := p_status_new;
  stored_id UUID;
  stored_at TIMESTAMPTZ;
BEGIN
  IF p_per_minute_reader IS NOT NULL THEN
    wait := "reader_limits_use"('comment', p_reader_key, p_address_key, p_per_minute_reader, p_per_minute_address);
    IF wait > 0 THEN
      RETURN QUERY SELECT 'too_many_comments', wait, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ;
      RETURN;
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM "bans" b JOIN unnest(p_ban_kinds, p_ban_keys) AS k("kind", "key") ON b."kind" = k."kind"::"BanKind" AND b."key_hash" = k."key"
             WHERE b."lifted_at" IS NULL) THEN
    RETURN QUERY SELECT 'banned', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF p_parent_id IS NOT NULL THEN
    SELECT COALESCE(c."parent_id", c."id") INTO top FROM "comments" c
    WHERE c."id" = p_parent_id AND c."piece_key" = p_piece_key AND c."status" = 'published';
    IF top IS NULL THEN
      RETURN QUERY SELECT 'parent_not_found', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ;
      RETURN;
    END IF;
  END IF;
  IF p_status_known IS DISTINCT FROM p_status_new
     AND EXISTS (SELECT 1 FROM "comments" c WHERE c."reader_key" = p_reader_key AND c."status" = 'published') THEN
    chosen := p_status_known;
  END IF;
  INSERT INTO "comments" ("piece_key", "parent_id", "author_name", "email", "notify_replies", "user_id", "body", "status", "reader_key", "address_key", "created_at")
  VALUES (p_piece_key, top, p_author, p_email, p_notify, p_user_id, p_body, CASE WHEN p_spam THEN 'spam' ELSE chosen END,
          p_reader_key, p_address_key, COALESCE(p_created_at, CURRENT_TIMESTAMP))
  RETURNING "id", "created_at" INTO stored_id, stored_at;
  RETURN QUERY SELECT 'ok', 0::BIGINT, chosen, stored_id, top, stored_at;
END $$;
