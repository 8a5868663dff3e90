-- New comments, live (lib/live/): each comment that becomes published, written so or approved
-- later, is announced on the channel `comments_published` with its piece and its id. NOTIFY is
-- delivered when the transaction commits, to every instance's one listener, whatever instance
-- wrote it. One statement-level trigger per write, like piece_figures: a batch of approvals is
-- one trigger call. The payload stays far below NOTIFY's 8,000 bytes (a piece's key and a UUID).
CREATE FUNCTION "comments_published_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('comments_published', json_build_object('pieceKey', "piece_key", 'id', "id")::text)
  FROM "new_rows" WHERE "status" = 'published';
  RETURN NULL;
END $$;
CREATE FUNCTION "comments_published_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('comments_published', json_build_object('pieceKey', n."piece_key", 'id', n."id")::text)
  FROM "new_rows" AS n JOIN "old_rows" AS o ON o."id" = n."id"
  WHERE n."status" = 'published' AND o."status" <> 'published';
  RETURN NULL;
END $$;
CREATE TRIGGER "comments_published_insert" AFTER INSERT ON "comments" REFERENCING NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "comments_published_inserted"();
CREATE TRIGGER "comments_published_update" AFTER UPDATE ON "comments" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "comments_published_updated"();
