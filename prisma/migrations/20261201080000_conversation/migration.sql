-- The newsroom in the conversation (issue 26): the magazine's voice (a badge decided from the
-- writer's account), « Coups de cœur de la rédaction », one « Utile » per reader and comment
-- (counts kept by triggers, as piece_figures are), and comments closed per piece by an editor.

-- CreateEnum
CREATE TYPE "CommentBadge" AS ENUM ('redaction', 'auteur');

-- AlterTable: the badge is decided by the server when the comment is written, never from the
-- reader's input; featured_at/featured_by_id say a comment is a « Coup de cœur »; useful is its
-- number of « Utile », kept by the triggers of comment_reactions; featured_notified_at says its
-- author was told once.
ALTER TABLE "comments"
  ADD COLUMN "badge" "CommentBadge",
  ADD COLUMN "featured_at" TIMESTAMPTZ(3),
  ADD COLUMN "featured_by_id" UUID,
  ADD COLUMN "featured_notified_at" TIMESTAMPTZ(3),
  ADD COLUMN "useful" INTEGER NOT NULL DEFAULT 0;

-- The strip of a piece's « Coups de cœur » reads its few featured comments through this index.
CREATE INDEX "comments_featured_idx" ON "comments" ("piece_key", "featured_at") WHERE "featured_at" IS NOT NULL;
-- « Les plus utiles »: a piece's top comments by their number of « Utile ».
CREATE INDEX "comments_useful_idx" ON "comments" ("piece_key", "useful" DESC, "created_at", "id") WHERE "parent_id" IS NULL;

-- One « Utile » of one reader (the keyed hash of their cookie, or of their account) on one comment.
CREATE TABLE "comment_reactions" (
  "comment_id" UUID NOT NULL,
  "reader_key" VARCHAR(100) NOT NULL,
  "user_id" VARCHAR(100),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "comment_reactions_pkey" PRIMARY KEY ("comment_id", "reader_key"),
  CONSTRAINT "comment_reactions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "comment_reactions_reader_key_idx" ON "comment_reactions" ("reader_key");

-- A piece's comments opened or closed by an editor, above its frontmatter and the age rule.
CREATE TABLE "piece_settings" (
  "piece_key" VARCHAR(200) NOT NULL,
  "comments_open" BOOLEAN NOT NULL,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by_id" UUID,
  CONSTRAINT "piece_settings_pkey" PRIMARY KEY ("piece_key")
);

-- Each piece's « Utile » of its published comments, beside its count of published comments.
ALTER TABLE "piece_figures" ADD COLUMN "useful" INTEGER NOT NULL DEFAULT 0;

-- A statement's reactions added (+1) or removed (-1) to their comments' counts, one UPDATE per
-- statement in the order of the comments' ids (two statements never wait on each other in a
-- cycle). The comments' own trigger then carries the change into piece_figures while the comment
-- is published.
CREATE FUNCTION "comment_reactions_add"(p_ids UUID[], p_signs INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "comments" c SET "useful" = c."useful" + d."delta"
  FROM (SELECT i, sum(s)::INTEGER AS "delta" FROM unnest(p_ids, p_signs) AS r(i, s) GROUP BY i HAVING sum(s) <> 0 ORDER BY i) AS d
  WHERE c."id" = d.i;
END $$;
CREATE FUNCTION "comment_reactions_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "comment_reactions_add"(array_agg("comment_id"), array_agg(1)) FROM "new_rows";
  RETURN NULL;
END $$;
CREATE FUNCTION "comment_reactions_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "comment_reactions_add"(array_agg("comment_id"), array_agg(-1)) FROM "old_rows";
  RETURN NULL;
END $$;
CREATE TRIGGER "comment_reactions_insert" AFTER INSERT ON "comment_reactions" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "comment_reactions_inserted"();
CREATE TRIGGER "comment_reactions_delete" AFTER DELETE ON "comment_reactions" REFERENCING OLD TABLE AS "old_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "comment_reactions_deleted"();

-- The comments' figures (migration reader_writes) now carry their « Utile » too: a published
-- row adds 1 comment and its useful count, a row that was published takes them away. So a
-- comment leaving the published state takes its reactions out of the piece's figure, and a
-- reaction on a published comment (which changes its row) moves the figure by one.
CREATE FUNCTION "piece_figures_add_comment_rows"(p_keys TEXT[], p_signs INTEGER[], p_useful INTEGER[]) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "piece_figures" AS f ("piece_key", "comments", "useful")
  SELECT k, sum(s), sum(s * u) FROM unnest(p_keys, p_signs, p_useful) AS c(k, s, u)
  GROUP BY k
  HAVING sum(s) <> 0 OR sum(s * u) <> 0
  ORDER BY k
  ON CONFLICT ("piece_key") DO UPDATE SET "comments" = f."comments" + EXCLUDED."comments", "useful" = f."useful" + EXCLUDED."useful";
END $$;

CREATE OR REPLACE FUNCTION "piece_figures_comments_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comment_rows"(array_agg("piece_key"), array_agg(1), array_agg("useful")) FROM "new_rows" WHERE "status" = 'published';
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION "piece_figures_comments_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comment_rows"(array_agg(k), array_agg(s), array_agg(u))
  FROM (SELECT "piece_key" AS k, 1 AS s, "useful" AS u FROM "new_rows" WHERE "status" = 'published'
        UNION ALL SELECT "piece_key", -1, "useful" FROM "old_rows" WHERE "status" = 'published') AS c;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION "piece_figures_comments_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "piece_figures_add_comment_rows"(array_agg("piece_key"), array_agg(-1), array_agg("useful")) FROM "old_rows" WHERE "status" = 'published';
  RETURN NULL;
END $$;
DROP FUNCTION "piece_figures_add_comments"(TEXT[], INTEGER[]);

-- Gives (p_on) or withdraws a reader's « Utile » on a comment, in one statement.
-- outcome: 'ok'; 'comment_not_found' (no such comment, or not published); 'own_comment' (the
-- reader's own, by browser key or account); 'too_many' (a per-minute limit, counted for the
-- reader and for the address as ratings are; NULL limits: none). useful: the comment's count
-- after the change; reacted: whether the reader's « Utile » is now on it.
CREATE FUNCTION "react_to_comment"(
  p_comment_id UUID, p_reader_key TEXT, p_address_key TEXT, p_user_id TEXT, p_on BOOLEAN,
  p_per_minute_reader INTEGER, p_per_minute_address INTEGER)
RETURNS TABLE ("outcome" TEXT, "wait_ms" BIGINT, "piece_key" TEXT, "useful" INTEGER, "reacted" BOOLEAN)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  target RECORD;
  wait BIGINT := 0;
BEGIN
  SELECT c."piece_key", c."status", c."reader_key", c."user_id" INTO target FROM "comments" c WHERE c."id" = p_comment_id;
  IF NOT FOUND OR target."status" <> 'published' THEN
    RETURN QUERY SELECT 'comment_not_found', 0::BIGINT, NULL::TEXT, NULL::INTEGER, NULL::BOOLEAN;
    RETURN;
  END IF;
  IF target."reader_key" = p_reader_key OR (p_user_id IS NOT NULL AND target."user_id" = p_user_id) THEN
    RETURN QUERY SELECT 'own_comment', 0::BIGINT, target."piece_key"::TEXT, NULL::INTEGER, NULL::BOOLEAN;
    RETURN;
  END IF;
  IF p_per_minute_reader IS NOT NULL THEN
    wait := "reader_limits_use"('reaction', p_reader_key, p_address_key, p_per_minute_reader, p_per_minute_address);
    IF wait > 0 THEN
      RETURN QUERY SELECT 'too_many', wait, target."piece_key"::TEXT, NULL::INTEGER, NULL::BOOLEAN;
      RETURN;
    END IF;
  END IF;
  IF p_on THEN
    INSERT INTO "comment_reactions" ("comment_id", "reader_key", "user_id") VALUES (p_comment_id, p_reader_key, p_user_id)
    ON CONFLICT ("comment_id", "reader_key") DO NOTHING;
  ELSE
    DELETE FROM "comment_reactions" WHERE "comment_id" = p_comment_id AND "reader_key" = p_reader_key;
  END IF;
  RETURN QUERY SELECT 'ok', 0::BIGINT, target."piece_key"::TEXT, c."useful", p_on FROM "comments" c WHERE c."id" = p_comment_id;
END $$;

-- post_comment (migration reader_writes) with two more inputs: p_badge, decided by the server
-- from the writer's account, and p_open_by_default, whether the piece's comments are open by its
-- frontmatter and age; an editor's choice in piece_settings overrides it. A closed piece refuses
-- before anything is counted: outcome 'comments_closed'.
DROP FUNCTION "post_comment"(TEXT, UUID, TEXT, TEXT, BOOLEAN, TEXT, TEXT, TEXT, TEXT, TIMESTAMPTZ, "CommentStatus", "CommentStatus", BOOLEAN, TEXT[], TEXT[], INTEGER, INTEGER);
CREATE FUNCTION "post_comment"(
  p_piece_key TEXT, p_parent_id UUID, p_author TEXT, p_email TEXT, p_notify BOOLEAN, p_user_id TEXT, p_body TEXT,
  p_reader_key TEXT, p_address_key TEXT, p_created_at TIMESTAMPTZ,
  p_status_known "CommentStatus", p_status_new "CommentStatus", p_spam BOOLEAN,
  p_ban_kinds TEXT[], p_ban_keys TEXT[], p_per_minute_reader INTEGER, p_per_minute_address INTEGER,
  p_badge "CommentBadge", p_open_by_default BOOLEAN)
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
  IF NOT COALESCE((SELECT s."comments_open" FROM "piece_settings" s WHERE s."piece_key" = p_piece_key), p_open_by_default) THEN
    RETURN QUERY SELECT 'comments_closed', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
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
  INSERT INTO "comments" ("piece_key", "parent_id", "author_name", "email", "notify_replies", "user_id", "body", "status", "reader_key", "address_key", "created_at", "badge")
  VALUES (p_piece_key, top, p_author, p_email, p_notify, p_user_id, p_body, CASE WHEN p_spam THEN 'spam' ELSE chosen END,
          p_reader_key, p_address_key, COALESCE(p_created_at, CURRENT_TIMESTAMP), p_badge)
  RETURNING "id", "created_at" INTO stored_id, stored_at;
  RETURN QUERY SELECT 'ok', 0::BIGINT, chosen, stored_id, top, stored_at;
END $$;
