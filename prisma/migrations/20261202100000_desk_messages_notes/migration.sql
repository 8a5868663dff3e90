-- The desk's tools (issue 27). A direct message from the desk to a comment's author: who wrote it,
-- when, about which comment, to whom, its subject and text. Editors' notes about a reader. Both
-- carry the reader's identities as the comment had them (account, browser key, keyed hash of the
-- email, as bans store them), so a reader's history finds them by any of the three, even once the
-- comment itself is gone.
CREATE TABLE "desk_messages" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "comment_id" UUID,
  "editor_id" UUID,
  "editor" VARCHAR(254) NOT NULL,
  "recipient" VARCHAR(254) NOT NULL,
  "subject" VARCHAR(150) NOT NULL,
  "body" TEXT NOT NULL,
  "user_id" VARCHAR(100),
  "reader_key" VARCHAR(100) NOT NULL,
  "email_key" VARCHAR(100),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "desk_messages_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "desk_messages_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "desk_messages_user_id_idx" ON "desk_messages"("user_id");
CREATE INDEX "desk_messages_reader_key_idx" ON "desk_messages"("reader_key");
CREATE INDEX "desk_messages_email_key_idx" ON "desk_messages"("email_key");

CREATE TABLE "reader_notes" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "comment_id" UUID,
  "editor_id" UUID,
  "editor" VARCHAR(254) NOT NULL,
  "body" VARCHAR(2000) NOT NULL,
  "user_id" VARCHAR(100),
  "reader_key" VARCHAR(100) NOT NULL,
  "email_key" VARCHAR(100),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "reader_notes_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "reader_notes_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "reader_notes_user_id_idx" ON "reader_notes"("user_id");
CREATE INDEX "reader_notes_reader_key_idx" ON "reader_notes"("reader_key");
CREATE INDEX "reader_notes_email_key_idx" ON "reader_notes"("email_key");

-- A reader's history looks their comments up by email, whatever its case.
CREATE INDEX "comments_email_lower_idx" ON "comments"(lower("email")) WHERE "email" IS NOT NULL;
CREATE INDEX "comments_user_id_idx" ON "comments"("user_id") WHERE "user_id" IS NOT NULL;
