import 'server-only';
import { isEditor } from '@/lib/accounts/session';
import { commentingRules } from '@/lib/content';
import { banKeysOf } from '@/lib/desk/bans';
import { createComment, type Writer } from '@/lib/readers/comments';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { countedWrite } from '@/lib/metrics';
import { checkFormToken } from '@/lib/readers/form-token';
import { readerSecret } from '@/lib/readers/secret';
import { consumeRateLimit, LIMITS, tooManyActions, tooManyNewRatings } from '@/lib/readers/rate-limits';
import { writeRating, type RatingAggregate } from '@/lib/readers/ratings';
import { notifyEditorsSoon, notifyReplySoon } from '@/lib/desk/notifications';
import { reportComment } from '@/lib/readers/reports';
import { receiveNotice } from '@/lib/desk/notices';
import type { NoticeInput } from '@/lib/desk/notice-schemas';
import type { CommentBadge, CommentInput, OwnComment } from '@/lib/readers/comment-schemas';
import type { ReportInput } from '@/lib/readers/report-schemas';

// The two writes readers make, with their rules, shared by the JSON API, the server actions
// behind the forms and the forms sent without JavaScript.

/**
 * Gives, changes (`value`) or withdraws (`null`) a reader's rating, within their per-minute
 * limits and their address's daily allowance of new ratings; returns the piece's new figures.
 */
export function rateAs(writer: Writer, pieceKey: string, value: number | null): Promise<RatingAggregate> {
  return countedWrite('rating', async () => {
    const result = await writeRating(pieceKey, { ...writer, userId: writer.userId ?? null }, value, {
      perMinuteReader: LIMITS.rating.reader,
      perMinuteAddress: LIMITS.rating.address,
      newPerDay: env.RATE_NEW_RATINGS_PER_DAY_ADDRESS,
    });
    if (result.outcome !== 'ok') throw result.outcome === 'too_many_new' ? tooManyNewRatings(result.waitMs) : tooManyActions('rating', result.waitMs);
    return result.aggregate;
  });
}

// A signed-in reader comments under their display name and email; their first comment's name
// becomes their display name when they have none yet. Their badge comes from the account alone:
// the piece's author (the address of their author file), else an editor.
async function asAccount(userId: string, pieceKey: string, input: CommentInput): Promise<{ input: CommentInput; badge: CommentBadge | null }> {
  const { prisma } = db();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, role: true } });
  if (!user.name) await prisma.user.update({ where: { id: userId }, data: { name: input.author } });
  const authorEmail = commentingRules(pieceKey)?.authorEmail;
  const badge = authorEmail && authorEmail === user.email.toLowerCase() ? 'auteur' : isEditor(user) ? 'redaction' : null;
  return { input: { ...input, author: user.name ?? input.author, email: user.email }, badge };
}

/**
 * Stores a reader's comment within their rate limits, under the moderation settings. From a
 * form, `formToken` says when it was shown: sent sooner than a person types, it is kept as spam;
 * without a genuine token (a page cached under another secret), it waits for an editor.
 */
export function commentAs(writer: Writer, pieceKey: string, input: CommentInput, formToken?: string | null): Promise<OwnComment> {
  return countedWrite('comment', async () => {
    const timing = formToken === undefined ? 'ok' : checkFormToken(readerSecret(), formToken, Date.now());
    let checked = timing === 'too-fast' ? { ...input, website: input.website || 'envoyé trop vite' } : input;
    let badge: CommentBadge | null = null;
    if (writer.userId) ({ input: checked, badge } = await asAccount(writer.userId, pieceKey, checked));
    const comment = await createComment(pieceKey, checked, writer, {
      moderation: { mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS },
      hold: timing === 'invalid',
      badge,
      guards: { limits: LIMITS.comment, banKeys: banKeysOf({ userId: writer.userId, readerKey: writer.readerKey, email: checked.email }) },
    });
    if (comment.status === 'pending' && !checked.website) notifyEditorsSoon();
    if (comment.status === 'published' && comment.parentId && !checked.website) notifyReplySoon(comment.id);
    return comment;
  });
}

/** A reader reports a comment; the editors hear of it. */
export function reportAs(writer: Writer, commentId: string, input: ReportInput) {
  return countedWrite('report', async () => {
    await consumeRateLimit('report', writer);
    const report = await reportComment(commentId, input, writer.readerKey);
    notifyEditorsSoon();
    return report;
  });
}

/** A reader's notice of illegal content (DSA art. 16), limited like a report. */
export function noticeAs(writer: Writer, commentId: string, input: NoticeInput) {
  return countedWrite('notice', async () => {
    await consumeRateLimit('notice', writer);
    return receiveNotice(commentId, input, writer.readerKey);
  });
}
