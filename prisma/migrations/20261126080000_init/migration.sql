-- CreateEnum
CREATE TYPE "CommentStatus" AS ENUM ('pending', 'published', 'rejected', 'spam', 'deleted');

-- CreateEnum
CREATE TYPE "ReportReason" AS ENUM ('spam', 'abuse', 'off_topic', 'other');

-- CreateTable
CREATE TABLE "ratings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "piece_key" VARCHAR(200) NOT NULL,
    "reader_key" VARCHAR(100) NOT NULL,
    "user_id" VARCHAR(100),
    "value" SMALLINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "piece_key" VARCHAR(200) NOT NULL,
    "parent_id" UUID,
    "author_name" VARCHAR(60) NOT NULL,
    "email" VARCHAR(254),
    "user_id" VARCHAR(100),
    "body" TEXT NOT NULL,
    "status" "CommentStatus" NOT NULL DEFAULT 'pending',
    "reader_key" VARCHAR(100) NOT NULL,
    "address_key" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reports" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "comment_id" UUID NOT NULL,
    "reason" "ReportReason" NOT NULL,
    "details" VARCHAR(1000),
    "reader_key" VARCHAR(100) NOT NULL,
    "resolved" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ratings_piece_key_reader_key_key" ON "ratings"("piece_key", "reader_key");

-- CreateIndex
CREATE INDEX "comments_piece_key_status_created_at_idx" ON "comments"("piece_key", "status", "created_at");

-- CreateIndex
CREATE INDEX "comments_reader_key_idx" ON "comments"("reader_key");

-- CreateIndex
CREATE INDEX "comments_parent_id_idx" ON "comments"("parent_id");

-- CreateIndex
CREATE INDEX "reports_resolved_created_at_idx" ON "reports"("resolved", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "reports_comment_id_reader_key_key" ON "reports"("comment_id", "reader_key");

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reports" ADD CONSTRAINT "reports_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express, kept by the database itself (written by hand:
-- `prisma migrate dev` neither creates nor drops CHECK constraints).
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_value_check" CHECK ("value" BETWEEN 1 AND 5);
ALTER TABLE "comments" ADD CONSTRAINT "comments_body_length_check" CHECK (char_length("body") BETWEEN 2 AND 4000);
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_name_check" CHECK (char_length(btrim("author_name")) >= 1);
