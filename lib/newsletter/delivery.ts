import 'server-only';
import type { PoolClient } from 'pg';
import type { Transporter } from 'nodemailer';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { pacedTransport, sendMail, type Mail } from '@/lib/mail';
import { emailHash, oneClickUnsubscribeLink, unsubscribeLink } from './links';
import { digestLetter, pieceLetter, type LetterPiece } from './letters';
import type { Rhythm } from './newsletter-schemas';
import { letterPieces } from './pieces';
import { logger } from '@/lib/log';

// Sending the deliveries of every send, at most NEWSLETTER_RATE e-mails a second. One instance
// sends at a time (a PostgreSQL advisory lock, released if it dies); each e-mail is sent inside a
// transaction that holds its delivery's row lock and marks it sent before committing. Killed
// before the mail server accepted it, the delivery is still pending and the next sender sends it;
// only a kill in the instant between the server's « 250 OK » and the commit would send one e-mail
// twice (chosen over losing it).

const SENDER_LOCK = 7_318_530_018; // pg_try_advisory_lock key: « the newsletter is being sent »
/** A temporary failure is tried again after these delays; after the last, it counts as failed. */
export const RETRY_MINUTES = [5, 30, 120, 360];

type Pending = { sendId: string; subscriberId: string; attempts: number; email: string; rhythm: Rhythm; kind: 'piece' | 'digest'; pieceKeys: string[]; weekOf: Date | null };

export type DeliveryReport = { busy: boolean; sent: number; retried: number; failed: number };

const NEXT = `
  SELECT d."send_id" AS "sendId", d."subscriber_id" AS "subscriberId", d."attempts", s."email", s."rhythm",
    n."kind", n."piece_keys" AS "pieceKeys", n."week_of" AS "weekOf"
  FROM "newsletter_deliveries" d
  JOIN "newsletter_subscribers" s ON s."id" = d."subscriber_id"
  JOIN "newsletter_sends" n ON n."id" = d."send_id"
  WHERE d."status" = 'pending' AND (d."next_attempt_at" IS NULL OR d."next_attempt_at" <= $1)
  ORDER BY d."next_attempt_at" ASC NULLS FIRST
  LIMIT 1 FOR UPDATE OF d SKIP LOCKED`;

// The delivery's new state and its send's counters, in one statement.
const RECORD = `
  WITH d AS (
    UPDATE "newsletter_deliveries" SET "status" = $3::"NewsletterDeliveryStatus", "attempts" = "attempts" + 1, "next_attempt_at" = $4,
      "last_error" = $5, "sent_at" = CASE WHEN $3 = 'sent' THEN $6::timestamptz END
    WHERE "send_id" = $1 AND "subscriber_id" = $2 RETURNING "send_id")
  UPDATE "newsletter_sends" SET "sent" = "sent" + (CASE WHEN $3 = 'sent' THEN 1 ELSE 0 END), "failed" = "failed" + (CASE WHEN $3 = 'failed' THEN 1 ELSE 0 END)
  WHERE "id" IN (SELECT "send_id" FROM d)`;

// One paced SMTP pool per process, kept across hot reloads and Next's separate bundles.
const globalForLetter = globalThis as unknown as { placeDesReseauxLetterTransport?: Transporter | null };

function newsletterTransport(): Transporter | null {
  if (globalForLetter.placeDesReseauxLetterTransport === undefined) globalForLetter.placeDesReseauxLetterTransport = pacedTransport(env.NEWSLETTER_RATE);
  return globalForLetter.placeDesReseauxLetterTransport;
}

type Failure = { permanent: boolean; connection: boolean; message: string };

// A recipient refused with a 5xx is refused for good (a bounce); anything else may pass later.
function failureOf(error: unknown): Failure {
  const { responseCode, command, message } = (error ?? {}) as { responseCode?: number; command?: string; message?: string };
  const recipient = command === 'RCPT TO';
  return {
    permanent: recipient && typeof responseCode === 'number' && responseCode >= 500,
    connection: !recipient,
    message: String(message ?? error).slice(0, 500),
  };
}

function compose(pending: Pending, pieces: Map<string, LetterPiece>): Mail | null {
  const leaving = { page: unsubscribeLink(pending.subscriberId), oneClick: oneClickUnsubscribeLink(pending.subscriberId), rhythm: pending.rhythm };
  const shown = pending.pieceKeys.flatMap((key) => pieces.get(key) ?? []);
  if (shown.length === 0) return null;
  if (pending.kind === 'digest' && pending.weekOf) return digestLetter(pending.email, shown, pending.weekOf, leaving, pending.sendId);
  const [piece] = shown;
  return piece ? pieceLetter(pending.email, piece, leaving, pending.sendId) : null;
}

async function record(client: PoolClient, pending: Pending, status: 'sent' | 'pending' | 'failed', now: Date, retryAt: Date | null, error: string | null) {
  await client.query(RECORD, [pending.sendId, pending.subscriberId, status, retryAt, error, now]);
}

/**
 * Sends every delivery due at `now`, one e-mail per transaction, through `transport` (default:
 * EMAIL_SERVER at NEWSLETTER_RATE a second, or the log); stops early when the mail server cannot
 * be reached. Does nothing when another instance is sending (`busy`).
 */
export async function deliverPending(now: Date, transport?: Transporter | null): Promise<DeliveryReport> {
  const report: DeliveryReport = { busy: false, sent: 0, retried: 0, failed: 0 };
  const client = await db().pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS "locked"', [SENDER_LOCK]);
    if (!rows[0]?.locked) return { ...report, busy: true };
    const through = transport === undefined ? newsletterTransport() : transport;
    const pieces = new Map<string, LetterPiece>();
    try {
      for (;;) {
        await client.query('BEGIN');
        const { rows: [pending] } = await client.query<Pending>(NEXT, [now]);
        if (!pending) {
          await client.query('COMMIT');
          break;
        }
        const missing = pending.pieceKeys.filter((key) => !pieces.has(key));
        if (missing.length > 0) for (const [key, piece] of await letterPieces(missing)) pieces.set(key, piece);
        const mail = compose(pending, pieces);
        if (!mail) {
          // The piece left the archive before its letter went out: nothing to send.
          await record(client, pending, 'failed', now, null, 'Contenu retiré de l’archive avant l’envoi');
          await client.query('COMMIT');
          report.failed += 1;
          continue;
        }
        let stop = false;
        try {
          await sendMail(mail, through);
          await record(client, pending, 'sent', now, null, null);
          report.sent += 1;
        } catch (error) {
          const failure = failureOf(error);
          const last = pending.attempts + 1 > RETRY_MINUTES.length;
          if (failure.permanent || last) {
            await record(client, pending, 'failed', now, null, failure.message);
            report.failed += 1;
            if (failure.permanent) await bounce(client, pending, failure.message);
          } else {
            const minutes = RETRY_MINUTES[pending.attempts] ?? 360;
            await record(client, pending, 'pending', now, new Date(now.getTime() + minutes * 60_000), failure.message);
            report.retried += 1;
          }
          // The server itself is unreachable: every other e-mail would fail the same way now.
          stop = failure.connection;
          logger('lettre').error({ subscriber: pending.subscriberId, send: pending.sendId, permanent: failure.permanent }, `envoi à l’abonné ${pending.subscriberId} en échec : ${failure.message}`);
        }
        await client.query('COMMIT');
        if (stop) break;
      }
    } catch (error) {
      await client.query('ROLLBACK').catch((lost: Error) => (broken = lost));
      throw error;
    } finally {
      await finishSends(client, now).catch(() => undefined);
      await client.query('SELECT pg_advisory_unlock($1)', [SENDER_LOCK]).catch(() => undefined);
    }
  } finally {
    // A connection that could not even roll back is not given back to the pool.
    client.release(broken);
  }
  return report;
}

// The mail server refused the address for good: it is unsubscribed, and only its keyed hash kept.
async function bounce(client: PoolClient, pending: Pending, reason: string) {
  await client.query(`INSERT INTO "newsletter_bounces" ("email_hash", "reason") VALUES ($1, $2) ON CONFLICT ("email_hash") DO UPDATE SET "bounced_at" = CURRENT_TIMESTAMP, "reason" = EXCLUDED."reason"`, [
    emailHash(pending.email),
    reason.slice(0, 300),
  ]);
  await client.query('DELETE FROM "newsletter_subscribers" WHERE "id" = $1', [pending.subscriberId]);
}

async function finishSends(client: PoolClient, now: Date) {
  await client.query(
    `UPDATE "newsletter_sends" n SET "finished_at" = $1 WHERE "finished_at" IS NULL
     AND NOT EXISTS (SELECT 1 FROM "newsletter_deliveries" d WHERE d."send_id" = n."id" AND d."status" = 'pending')`,
    [now],
  );
}

/** Every letter's e-mails by state, from the letters' own tallies (a few rows, not one per e-mail). */
export async function deliveryTotals(): Promise<{ pending: number; sent: number; failed: number }> {
  const { rows } = await db().pool.query<{ pending: string; sent: string; failed: string }>(
    'SELECT coalesce(sum("recipients" - "sent" - "failed"), 0) AS "pending", coalesce(sum("sent"), 0) AS "sent", coalesce(sum("failed"), 0) AS "failed" FROM "newsletter_sends"',
  );
  const row = rows[0];
  return { pending: Number(row?.pending ?? 0), sent: Number(row?.sent ?? 0), failed: Number(row?.failed ?? 0) };
}
