-- « Les plus commentés » (issue 19) counts the comments published over the last 30 days: this
-- index finds them by date without reading the older ones. « Les plus appréciés » reads
-- piece_figures, one row per rated piece, as it is.

-- CreateIndex
CREATE INDEX "comments_published_created_at_idx" ON "comments" ("created_at") WHERE "status" = 'published';
