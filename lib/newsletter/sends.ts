import 'server-only';
import { db } from '@/lib/db/client';

// What is due to be sent, claimed in the database: a piece's letter once it is published (by a
// build, or at its scheduled time without one), the week's digest every Monday from 8:00, Paris
// time. Each is one INSERT under a unique index, listing its recipients in the same statement:
// whichever instance runs it first creates the send; every other finds it there and does nothing.

/** A piece is announced if it became published at most this long ago (an archive imported, or a date put back, is not). */
export const ANNOUNCE_WITHIN_DAYS = 3;
/** A digest missed on its Monday (no instance running) is still sent until this long after 8:00. */
export const DIGEST_LATE_HOURS = 24;

// The latest Monday 8:00 in Paris at $1, and the one before: PostgreSQL's calendar knows the
// clock changes (a Monday after the switch to summer time starts at 06:00 UTC, not 07:00).
const WEEK = `
  WITH local AS (SELECT date_trunc('week', $1::timestamptz AT TIME ZONE 'Europe/Paris') + interval '8 hours' AS monday),
  latest AS (SELECT CASE WHEN (monday AT TIME ZONE 'Europe/Paris') > $1::timestamptz THEN monday - interval '7 days' ELSE monday END AS monday FROM local)
  SELECT (monday AT TIME ZONE 'Europe/Paris') AS "weekOf", ((monday - interval '7 days') AT TIME ZONE 'Europe/Paris') AS "since" FROM latest`;

/** The week a digest sent at `now` covers: from the Monday 8:00 before `weekOf` to `weekOf`. */
export async function digestWeek(now: Date): Promise<{ weekOf: Date; since: Date }> {
  const { rows } = await db().pool.query<{ weekOf: Date; since: Date }>(WEEK, [now]);
  const [week] = rows;
  if (!week) throw new Error('digestWeek: no row');
  return week;
}

const RECIPIENTS = `"newsletter_subscribers" WHERE "rhythm" = $2::"NewsletterRhythm" AND "confirmed_at" IS NOT NULL`;

// One send and its deliveries in one statement: the sub-statements see the same snapshot, so
// the count and the list are of the same subscribers.
const CREATE_SEND = (conflict: string) => `
  , send AS (
    INSERT INTO "newsletter_sends" ("kind", "piece_key", "week_of", "piece_keys", "created_at", "recipients", "finished_at")
    SELECT c."kind"::"NewsletterSendKind", c."piece_key", c."week_of", c."piece_keys", $1, n.count, CASE WHEN n.count = 0 THEN $1::timestamptz END
    FROM candidate c, (SELECT count(*)::int AS count FROM ${RECIPIENTS}) n
    ON CONFLICT (${conflict}) DO NOTHING
    RETURNING "id", "recipients")
  , listed AS (
    INSERT INTO "newsletter_deliveries" ("send_id", "subscriber_id")
    SELECT send."id", s."id" FROM send, (SELECT "id" FROM ${RECIPIENTS}) s)
  SELECT "id", "recipients" FROM send`;

const PIECE_SEND = `
  WITH candidate AS (SELECT 'piece' AS "kind", $3::varchar AS "piece_key", NULL::timestamptz AS "week_of", ARRAY[$3::text] AS "piece_keys")
  ${CREATE_SEND('"piece_key"')}`;

const DIGEST_SEND = `
  WITH candidate AS (
    SELECT 'digest' AS "kind", NULL::varchar AS "piece_key", $3::timestamptz AS "week_of",
      array_agg("key"::text ORDER BY "published_at", "key") AS "piece_keys"
    FROM "pieces" WHERE NOT "draft" AND "published_at" >= $4 AND "published_at" < $3
    HAVING count(*) > 0)
  ${CREATE_SEND('"week_of"')}`;

export type CreatedSend = { id: string; kind: 'piece' | 'digest'; label: string; recipients: number };

/** Creates the sends due at `now` that no instance has created yet; returns them. */
export async function createDueSends(now: Date): Promise<CreatedSend[]> {
  const { pool } = db();
  const created: CreatedSend[] = [];
  const { rows: due } = await pool.query<{ key: string }>(
    `SELECT "key" FROM "pieces" p WHERE NOT "draft" AND "published_at" <= $1 AND "published_at" > $1::timestamptz - make_interval(days => $2)
     AND NOT EXISTS (SELECT 1 FROM "newsletter_sends" s WHERE s."piece_key" = p."key") ORDER BY "published_at", "key"`,
    [now, ANNOUNCE_WITHIN_DAYS],
  );
  for (const { key } of due) {
    const { rows } = await pool.query<{ id: string; recipients: number }>(PIECE_SEND, [now, 'each', key]);
    for (const row of rows) created.push({ ...row, kind: 'piece', label: key });
  }
  const week = await digestWeek(now);
  if (now.getTime() < week.weekOf.getTime() + DIGEST_LATE_HOURS * 3600 * 1000) {
    const { rows } = await pool.query<{ id: string; recipients: number }>(DIGEST_SEND, [now, 'weekly', week.weekOf, week.since]);
    for (const row of rows) created.push({ ...row, kind: 'digest', label: week.weekOf.toISOString() });
  }
  return created;
}
