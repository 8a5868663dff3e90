-- Word lists (« refusés », « à vérifier ») matched by PostgreSQL's full-text engine in the
-- comment's own statement, and bans with an end (suspensions).

-- Words as the lists see them: PostgreSQL's parser cuts the text into words (an apostrophe, a
-- hyphen or any punctuation ends one: « l’escroc » is « l » then « escroc »), unaccent folds
-- accents and ligatures (é → e, œ → oe), the simple dictionary lowers the case. No stemming: a
-- listed « con » is never « concours » nor « second ».
CREATE TEXT SEARCH CONFIGURATION "words_unaccent" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "words_unaccent"
  ALTER MAPPING FOR "asciiword", "asciihword", "hword_asciipart", "word", "hword", "hword_part", "numword", "numhword", "hword_numpart"
  WITH "unaccent", "simple";

CREATE TYPE "WordList" AS ENUM ('refused', 'review');

-- What an editor listed, the query it is matched by (each word of the term or any of its plurals,
-- -s, -x, -al/-ail → -aux, the words one after the other: a phrase goes across punctuation and
-- spaces, never from the name into the text), and the query's words, GIN-indexed: a comment's
-- write looks up the terms that share a word with it, then matches those alone. (A tsquery is
-- never TOASTed: the lists cannot be one query of 1,000 terms in a row.)
CREATE TABLE "word_list_terms" (
  "list" "WordList" NOT NULL,
  "term" VARCHAR(100) NOT NULL,
  "query" tsquery NOT NULL,
  "lexemes" TEXT[] NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "word_list_terms_pkey" PRIMARY KEY ("list", "term")
);
-- Lists change seldom and are read by every write: no pending list to scan (fastupdate off).
CREATE INDEX "word_list_terms_lexemes_idx" ON "word_list_terms" USING gin ("lexemes") WITH (fastupdate = off);

-- Each list's size and last change, kept by word_lists_set.
CREATE TABLE "word_lists" (
  "list" "WordList" NOT NULL,
  "terms" INTEGER NOT NULL DEFAULT 0,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_by_id" UUID,
  CONSTRAINT "word_lists_pkey" PRIMARY KEY ("list")
);
INSERT INTO "word_lists" ("list") VALUES ('refused'), ('review');

-- The query of one term, NULL when it holds no word (only punctuation).
CREATE FUNCTION "word_term_query"(p_term TEXT) RETURNS tsquery LANGUAGE sql STABLE AS $$
  SELECT string_agg(
           '(' || quote_literal(w.lexeme) || ' | ' || quote_literal(w.lexeme || 's') || ' | ' || quote_literal(w.lexeme || 'x')
               || CASE WHEN w.lexeme ~ 'ai?l$' THEN ' | ' || quote_literal(regexp_replace(w.lexeme, 'ai?l$', 'aux')) ELSE '' END || ')',
           ' <-> ' ORDER BY w.position)::tsquery
  FROM (
    -- Each word as a text's vector holds it (the very same dictionaries).
    SELECT (SELECT u."lexeme" FROM unnest(to_tsvector('words_unaccent', d."token")) AS u LIMIT 1) AS lexeme, d.position
    FROM ts_debug('words_unaccent', p_term) WITH ORDINALITY AS d(alias, description, token, dictionaries, dictionary, lexemes, position)
    -- A compound (« peut-être ») is matched by its parts, which the text's vector holds too.
    WHERE d.alias NOT IN ('asciihword', 'numhword', 'hword') AND cardinality(d.lexemes) > 0
  ) AS w
  WHERE w.lexeme IS NOT NULL
$$;

-- The words of a comment: its name, then its text, one position apart (a marker no text can hold,
-- put between them and taken out), so that no phrase spans both.
CREATE FUNCTION "comment_words"(p_author TEXT, p_body TEXT) RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT ts_delete(
    to_tsvector('words_unaccent', COALESCE(p_author, '')) || $v$'name end':1$v$::tsvector || to_tsvector('words_unaccent', COALESCE(p_body, '')),
    'name end')
$$;

-- Which list holds a comment, and the term: « refusés » first, the longest term first. Only the
-- terms sharing a word with the comment (the GIN index) are matched. The planner prices a
-- sequential scan of a list of 1,000 terms below the index, but matching every term's query costs
-- 0.5 ms a write against 0.05 ms through the index (EXPLAIN ANALYZE): sequential scans are off here.
CREATE FUNCTION "comment_word_match"(p_author TEXT, p_body TEXT)
RETURNS TABLE ("list" "WordList", "term" TEXT) LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
  words tsvector;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "word_list_terms") THEN RETURN; END IF;
  words := "comment_words"(p_author, p_body);
  RETURN QUERY SELECT t."list", t."term"::TEXT FROM "word_list_terms" t
    WHERE t."lexemes" && tsvector_to_array(words) AND words @@ t."query"
    ORDER BY t."list", length(t."term") DESC, t."term" LIMIT 1;
END $$;

-- The words a term's query names.
CREATE FUNCTION "word_query_lexemes"(p_query tsquery) RETURNS TEXT[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY(SELECT DISTINCT m[1] FROM regexp_matches(p_query::TEXT, $r$'([^']+)'$r$, 'g') AS m)
$$;

-- Replaces both lists at once (NULL: a list left as it is); terms with the same words are one.
-- Returns the lists' sizes.
CREATE FUNCTION "word_lists_set"(p_refused TEXT[], p_review TEXT[], p_editor UUID)
RETURNS TABLE ("list" "WordList", "terms" INTEGER) LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  given RECORD;
BEGIN
  FOR given IN SELECT * FROM (VALUES ('refused'::"WordList", p_refused), ('review'::"WordList", p_review)) AS v("list", "entries") WHERE v."entries" IS NOT NULL LOOP
    DELETE FROM "word_list_terms" t WHERE t."list" = given."list";
    INSERT INTO "word_list_terms" ("list", "term", "query", "lexemes")
      SELECT DISTINCT ON (q::TEXT) given."list", e, q, "word_query_lexemes"(q) FROM unnest(given."entries") AS e, LATERAL "word_term_query"(e) AS q
      WHERE q IS NOT NULL ORDER BY q::TEXT, e;
    UPDATE "word_lists" l SET
      "terms" = (SELECT count(*) FROM "word_list_terms" t WHERE t."list" = given."list"),
      "updated_at" = CURRENT_TIMESTAMP, "updated_by_id" = p_editor
    WHERE l."list" = given."list";
  END LOOP;
  RETURN QUERY SELECT l."list", l."terms" FROM "word_lists" l ORDER BY l."list";
END $$;

-- What held or refused a comment: the list and the term, shown to the desk (never to the writer).
ALTER TABLE "comments" ADD COLUMN "matched_list" "WordList", ADD COLUMN "matched_term" VARCHAR(100);

-- A ban may end by itself: NULL is permanent.
ALTER TABLE "bans" ADD COLUMN "expires_at" TIMESTAMPTZ(3);
-- The audit log says how long a ban is ('1h', '24h', '7d', 'permanent').
ALTER TABLE "moderation_events" ADD COLUMN "duration" VARCHAR(20);

-- post_comment (migration conversation) with the word lists and the suspensions: a comment the
-- « refusés » list holds is stored as rejected (outcome 'refused_term'), one « à vérifier » holds
-- waits for an editor whatever the moderation mode; each is written in the audit log as the
-- lists' own decision. A ban counts until its end, which 'banned' returns (NULL: permanent).
DROP FUNCTION "post_comment"(TEXT, UUID, TEXT, TEXT, BOOLEAN, TEXT, TEXT, TEXT, TEXT, TIMESTAMPTZ, "CommentStatus", "CommentStatus", BOOLEAN, TEXT[], TEXT[], INTEGER, INTEGER, "CommentBadge", BOOLEAN);
CREATE FUNCTION "post_comment"(
  p_piece_key TEXT, p_parent_id UUID, p_author TEXT, p_email TEXT, p_notify BOOLEAN, p_user_id TEXT, p_body TEXT,
  p_reader_key TEXT, p_address_key TEXT, p_created_at TIMESTAMPTZ,
  p_status_known "CommentStatus", p_status_new "CommentStatus", p_spam BOOLEAN,
  p_ban_kinds TEXT[], p_ban_keys TEXT[], p_per_minute_reader INTEGER, p_per_minute_address INTEGER,
  p_badge "CommentBadge", p_open_by_default BOOLEAN)
RETURNS TABLE ("outcome" TEXT, "wait_ms" BIGINT, "status" "CommentStatus", "id" UUID, "parent_id" UUID, "created_at" TIMESTAMPTZ, "until" TIMESTAMPTZ)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
  wait BIGINT := 0;
  top UUID;
  chosen "CommentStatus" := p_status_new;
  stored_id UUID;
  stored_at TIMESTAMPTZ;
  at_time TIMESTAMPTZ := COALESCE(p_created_at, CURRENT_TIMESTAMP);
  banned_until TIMESTAMPTZ;
  matched_list "WordList";
  matched_term TEXT;
BEGIN
  IF NOT COALESCE((SELECT s."comments_open" FROM "piece_settings" s WHERE s."piece_key" = p_piece_key), p_open_by_default) THEN
    RETURN QUERY SELECT 'comments_closed', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ;
    RETURN;
  END IF;
  IF p_per_minute_reader IS NOT NULL THEN
    wait := "reader_limits_use"('comment', p_reader_key, p_address_key, p_per_minute_reader, p_per_minute_address);
    IF wait > 0 THEN
      RETURN QUERY SELECT 'too_many_comments', wait, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ;
      RETURN;
    END IF;
  END IF;
  SELECT CASE WHEN bool_or(b."expires_at" IS NULL) THEN 'infinity'::TIMESTAMPTZ ELSE max(b."expires_at") END INTO banned_until
  FROM "bans" b JOIN unnest(p_ban_kinds, p_ban_keys) AS k("kind", "key") ON b."kind" = k."kind"::"BanKind" AND b."key_hash" = k."key"
  WHERE b."lifted_at" IS NULL AND (b."expires_at" IS NULL OR b."expires_at" > at_time);
  IF banned_until IS NOT NULL THEN
    RETURN QUERY SELECT 'banned', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ, NULLIF(banned_until, 'infinity'::TIMESTAMPTZ);
    RETURN;
  END IF;
  IF p_parent_id IS NOT NULL THEN
    SELECT COALESCE(c."parent_id", c."id") INTO top FROM "comments" c
    WHERE c."id" = p_parent_id AND c."piece_key" = p_piece_key AND c."status" = 'published';
    IF top IS NULL THEN
      RETURN QUERY SELECT 'parent_not_found', 0::BIGINT, NULL::"CommentStatus", NULL::UUID, NULL::UUID, NULL::TIMESTAMPTZ, NULL::TIMESTAMPTZ;
      RETURN;
    END IF;
  END IF;
  IF p_status_known IS DISTINCT FROM p_status_new
     AND EXISTS (SELECT 1 FROM "comments" c WHERE c."reader_key" = p_reader_key AND c."status" = 'published') THEN
    chosen := p_status_known;
  END IF;
  IF NOT p_spam THEN
    SELECT m."list", m."term" INTO matched_list, matched_term FROM "comment_word_match"(p_author, p_body) m;
    IF matched_list = 'refused' THEN chosen := 'rejected'; ELSIF matched_list = 'review' THEN chosen := 'pending'; END IF;
  END IF;
  INSERT INTO "comments" ("piece_key", "parent_id", "author_name", "email", "notify_replies", "user_id", "body", "status", "reader_key", "address_key", "created_at", "badge", "matched_list", "matched_term")
  VALUES (p_piece_key, top, p_author, p_email, p_notify, p_user_id, p_body, CASE WHEN p_spam THEN 'spam' ELSE chosen END,
          p_reader_key, p_address_key, at_time, p_badge, matched_list, matched_term)
  RETURNING "id", "created_at" INTO stored_id, stored_at;
  IF matched_list IS NOT NULL THEN
    INSERT INTO "moderation_events" ("editor", "action", "comment_id", "piece_key", "target", "created_at")
    VALUES ('Listes de mots', CASE WHEN matched_list = 'refused' THEN 'auto_reject' ELSE 'auto_hold' END, stored_id, p_piece_key, matched_term, at_time);
  END IF;
  RETURN QUERY SELECT CASE WHEN matched_list = 'refused' THEN 'refused_term' ELSE 'ok' END, 0::BIGINT, chosen, stored_id, top, stored_at, NULL::TIMESTAMPTZ;
END $$;
