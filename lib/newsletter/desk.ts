import 'server-only';
import { db } from '@/lib/db/client';
import { sendMail } from '@/lib/mail';
import { oneClickUnsubscribeLink, unsubscribeLink } from './links';
import { digestLetter, pieceLetter } from './letters';
import type { Rhythm } from './newsletter-schemas';
import { nextLetters } from './pieces';

// What the editors see of the letter and do with it in the desk (and `npm run newsletter`).

export type SendSummary = {
  id: string;
  kind: 'piece' | 'digest';
  title: string;
  weekOf: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  recipients: number;
  sent: number;
  failed: number;
  waiting: number;
};

export type NewsletterOverview = { confirmed: Record<Rhythm, number>; unconfirmed: number; sends: SendSummary[] };

/** The subscribers by rhythm, the addresses awaiting confirmation, and the latest sends with their figures. */
export async function newsletterOverview(limit = 30): Promise<NewsletterOverview> {
  const { pool } = db();
  const [counts, sends] = await Promise.all([
    pool.query<{ rhythm: Rhythm | null; count: number }>(
      `SELECT CASE WHEN "confirmed_at" IS NULL THEN NULL ELSE "rhythm" END AS "rhythm", count(*)::int AS "count"
       FROM "newsletter_subscribers" GROUP BY 1`,
    ),
    pool.query<SendSummary>(
      `SELECT n."id", n."kind", coalesce(p."title", n."piece_key", 'Récapitulatif de la semaine') AS "title", n."week_of" AS "weekOf", n."created_at" AS "createdAt",
         n."finished_at" AS "finishedAt", n."recipients", n."sent", n."failed",
         (SELECT count(*)::int FROM "newsletter_deliveries" d WHERE d."send_id" = n."id" AND d."status" = 'pending') AS "waiting"
       FROM "newsletter_sends" n LEFT JOIN "pieces" p ON p."key" = n."piece_key"
       ORDER BY n."created_at" DESC LIMIT $1`,
      [limit],
    ),
  ]);
  const confirmed: Record<Rhythm, number> = { each: 0, weekly: 0 };
  let unconfirmed = 0;
  for (const row of counts.rows) {
    if (row.rhythm) confirmed[row.rhythm] = row.count;
    else unconfirmed = row.count;
  }
  return { confirmed, unconfirmed, sends: sends.rows };
}

function csvField(value: string): string {
  // A spreadsheet would run a cell starting with = + - @ as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The confirmed subscribers as CSV (address, rhythm, dates), for a spreadsheet or another tool. */
export async function confirmedSubscribersCsv(): Promise<string> {
  const subscribers = await db().prisma.newsletterSubscriber.findMany({ where: { confirmedAt: { not: null } }, orderBy: { email: 'asc' } });
  const lines = subscribers.map((subscriber) =>
    [subscriber.email, subscriber.rhythm === 'each' ? 'chaque parution' : 'hebdomadaire', subscriber.createdAt.toISOString(), subscriber.confirmedAt?.toISOString() ?? ''].map(csvField).join(','),
  );
  // A byte-order mark, so that spreadsheets read the accents as UTF-8.
  return `\uFEFF${['adresse,rythme,inscrit_le,confirme_le', ...lines].join('\r\n')}\r\n`;
}

/** Which of the next letters a test shows. */
export type TestKind = 'piece' | 'digest';

/** Sends `to` the next letter of `kind` as its subscribers will get it, « [Test] » in the subject; false when there is nothing to show. */
export async function sendTestLetter(to: string, kind: TestKind, now = new Date()): Promise<boolean> {
  const mail = await testLetter(to, kind, now);
  if (!mail) return false;
  await sendMail({ ...mail, kind: 'letter_test', subject: `[Test] ${mail.subject}` });
  return true;
}

/** The next letter of `kind`, addressed to `to` (its unsubscribe links lead nowhere: no subscriber has this id). */
export async function testLetter(to: string, kind: TestKind, now = new Date()) {
  const next = await nextLetters(now);
  const nobody = '00000000-0000-0000-0000-000000000000';
  const leaving = { page: unsubscribeLink(nobody), oneClick: oneClickUnsubscribeLink(nobody), rhythm: kind === 'piece' ? ('each' as const) : ('weekly' as const) };
  // Its readers count under « La lettre », send « essai ».
  if (kind === 'piece') return next.piece ? pieceLetter(to, next.piece, leaving, 'essai') : null;
  return next.digest.pieces.length > 0 ? digestLetter(to, next.digest.pieces, next.digest.weekOf, leaving, 'essai') : null;
}
