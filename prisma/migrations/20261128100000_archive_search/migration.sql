-- Full-text search of the whole archive in PostgreSQL (issue 17). The pieces are compiled from
-- MDX at build time; `pieces` is their mirror for search, synchronised from the build's content
-- manifest when an instance starts (lib/publishing/archive-search.ts): never edited by hand, not
-- exported by db:export (it is rebuilt from the content).

-- French without accents: « reseaux » finds « réseaux », « journaux » meets « journal »
-- (unaccent, then the French Snowball stemmer). Both ship with PostgreSQL, the embedded build too.
CREATE EXTENSION IF NOT EXISTS "unaccent";
CREATE TEXT SEARCH CONFIGURATION "french_unaccent" (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION "french_unaccent"
  ALTER MAPPING FOR "hword", "hword_part", "word" WITH "unaccent", "french_stem";

-- CreateTable
CREATE TABLE "pieces" (
    "key" VARCHAR(200) NOT NULL,
    "section" VARCHAR(20) NOT NULL,
    "url" VARCHAR(300) NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "tags" TEXT NOT NULL,
    "author" VARCHAR(100) NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "draft" BOOLEAN NOT NULL,
    "body_text" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    -- What a search matches: every word, weighted: the title (A) before the summary and tags (B)
    -- before the body (C).
    "search" TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('french_unaccent', "title"), 'A') ||
      setweight(to_tsvector('french_unaccent', "summary" || ' ' || "tags"), 'B') ||
      setweight(to_tsvector('french_unaccent', "body_text"), 'C')
    ) STORED,
    -- What ranks the matches: the title and the summary and tags only. A few hundred bytes kept in
    -- the row, where ranking the whole vector (kilobytes, compressed out of the row) cost 60 ms for
    -- a word found in 10,000 pieces; the body still decides what is found.
    "search_head" TSVECTOR GENERATED ALWAYS AS (
      setweight(to_tsvector('french_unaccent', "title"), 'A') ||
      setweight(to_tsvector('french_unaccent', "summary" || ' ' || "tags"), 'B')
    ) STORED,

    CONSTRAINT "pieces_pkey" PRIMARY KEY ("key")
);

-- A phrase (« "relation de confiance" ») or an exclusion makes PostgreSQL read the whole vector of
-- each candidate again: kept uncompressed, that read is twice as fast (116 → 53 ms for a phrase
-- found in 10,000 pieces, measured; the table and its indexes stay at 59 MB).
ALTER TABLE "pieces" ALTER COLUMN "search" SET STORAGE EXTERNAL;

-- CreateIndex
CREATE INDEX "pieces_search_idx" ON "pieces" USING GIN ("search");
CREATE INDEX "pieces_published_at_idx" ON "pieces" ("published_at");
