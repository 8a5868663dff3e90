-- « La lettre de Place des Réseaux » (issue 18): who receives it, what was sent, to whom.
-- Privacy: a subscriber is an address, a rhythm, when they asked and when they confirmed;
-- unsubscribing deletes the row (and, by cascade, what is still to be sent to it). The one thing
-- kept about a gone address is the keyed hash of an address the mail server refused for good
-- (`newsletter_bounces`), so that the form cannot make us write to it again.

-- CreateEnum
CREATE TYPE "NewsletterRhythm" AS ENUM ('each', 'weekly');
CREATE TYPE "NewsletterSendKind" AS ENUM ('piece', 'digest');
CREATE TYPE "NewsletterDeliveryStatus" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "newsletter_subscribers" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    -- Lower-cased, as typed otherwise.
    "email" VARCHAR(254) NOT NULL,
    "rhythm" "NewsletterRhythm" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    -- NULL until the link of the confirmation e-mail is followed; nothing is sent before.
    "confirmed_at" TIMESTAMPTZ(3),

    CONSTRAINT "newsletter_subscribers_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "newsletter_subscribers_email_key" ON "newsletter_subscribers" ("email");
CREATE INDEX "newsletter_subscribers_rhythm_confirmed_at_idx" ON "newsletter_subscribers" ("rhythm", "confirmed_at");

CREATE TABLE "newsletter_bounces" (
    -- HMAC-SHA-256 of the lower-cased address under AUTH_SECRET, hex.
    "email_hash" VARCHAR(64) NOT NULL,
    "bounced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reason" VARCHAR(300) NOT NULL,

    CONSTRAINT "newsletter_bounces_pkey" PRIMARY KEY ("email_hash")
);

-- One letter: a piece's (once per piece, ever) or a week's digest (once per Monday 8:00 Paris).
-- The unique indexes are the claim: whichever instance inserts the row first sends it.
CREATE TABLE "newsletter_sends" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "NewsletterSendKind" NOT NULL,
    "piece_key" VARCHAR(200),
    "week_of" TIMESTAMPTZ(3),
    -- The pieces the letter presents, in order (one for a piece's letter).
    "piece_keys" TEXT[] NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "recipients" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "newsletter_sends_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "newsletter_sends_kind_check" CHECK (("kind" = 'piece') = ("piece_key" IS NOT NULL) AND ("kind" = 'digest') = ("week_of" IS NOT NULL))
);
CREATE UNIQUE INDEX "newsletter_sends_piece_key_key" ON "newsletter_sends" ("piece_key");
CREATE UNIQUE INDEX "newsletter_sends_week_of_key" ON "newsletter_sends" ("week_of");
CREATE INDEX "newsletter_sends_created_at_idx" ON "newsletter_sends" ("created_at");

-- One e-mail of a send to one subscriber, listed when the send is created: a subscriber who
-- confirms later is not added to it. A delivery is sent in its own transaction, holding its row
-- lock: a sender killed midway leaves it pending, and the next one sends it.
CREATE TABLE "newsletter_deliveries" (
    "send_id" UUID NOT NULL,
    "subscriber_id" UUID NOT NULL,
    "status" "NewsletterDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    -- NULL: as soon as possible; after a temporary failure, when to try again.
    "next_attempt_at" TIMESTAMPTZ(3),
    "last_error" VARCHAR(500),
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "newsletter_deliveries_pkey" PRIMARY KEY ("send_id", "subscriber_id")
);
CREATE INDEX "newsletter_deliveries_pending_idx" ON "newsletter_deliveries" ("next_attempt_at" ASC NULLS FIRST) WHERE "status" = 'pending';
CREATE INDEX "newsletter_deliveries_subscriber_id_idx" ON "newsletter_deliveries" ("subscriber_id");

-- AddForeignKey
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "newsletter_sends"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "newsletter_deliveries" ADD CONSTRAINT "newsletter_deliveries_subscriber_id_fkey" FOREIGN KEY ("subscriber_id") REFERENCES "newsletter_subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
