-- DSA (issue 27). Article 16: a notice of illegal content about a published comment, kept
-- apart from the readers' quick reports; its reference (DSA-2026-7K3QZ) is what the notifier is
-- told, its decision is the editor's. Article 17: every statement of reasons sent to an author,
-- with its text, beside the decision. The audit log names the notice a decision answers
-- (`notice_id`), so that /transparence computes the time to decide.
CREATE TABLE "notices" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "reference" VARCHAR(20) NOT NULL,
  "comment_id" UUID NOT NULL,
  "ground" VARCHAR(20) NOT NULL,
  "explanation" VARCHAR(2000) NOT NULL,
  "notifier_name" VARCHAR(100) NOT NULL,
  "notifier_email" VARCHAR(254) NOT NULL,
  "reader_key" VARCHAR(100) NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  "decision" VARCHAR(20),
  "decision_explanation" VARCHAR(1000),
  "decided_at" TIMESTAMPTZ(3),
  "decided_by_id" UUID,
  CONSTRAINT "notices_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "notices_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE,
  CONSTRAINT "notices_ground_check" CHECK ("ground" IN ('defamation', 'hate', 'privacy', 'counterfeit', 'other')),
  CONSTRAINT "notices_decision_check" CHECK ("decision" IS NULL OR "decision" IN ('illegal', 'charter', 'none'))
);
CREATE UNIQUE INDEX "notices_reference_key" ON "notices"("reference");
CREATE INDEX "notices_decided_at_created_at_idx" ON "notices"("decided_at", "created_at");

CREATE TABLE "statements" (
  "id" UUID NOT NULL DEFAULT gen_random_uuid(),
  "comment_id" UUID,
  "notice_id" UUID,
  "measure" VARCHAR(20) NOT NULL,
  "recipient" VARCHAR(254),
  "sent_by" VARCHAR(254) NOT NULL,
  "subject" VARCHAR(200) NOT NULL,
  "text" TEXT NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
  CONSTRAINT "statements_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "statements_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE SET NULL,
  CONSTRAINT "statements_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE SET NULL
);
CREATE INDEX "statements_comment_id_idx" ON "statements"("comment_id");

ALTER TABLE "moderation_events" ADD COLUMN "notice_id" UUID;
CREATE INDEX "moderation_events_notice_id_idx" ON "moderation_events"("notice_id");
