-- Comments moved in from another system by `npm run import` (issue 31): each keeps the id it had
-- there (« wordpress:<site>:<comment id> », « disqus:<forum>:<post id> »), unique, so that a second
-- run of the import skips what the first stored. NULL for the comments written here.
ALTER TABLE "comments" ADD COLUMN "source_id" VARCHAR(200);

CREATE UNIQUE INDEX "comments_source_id_key" ON "comments"("source_id");
