import 'server-only';
import { createComment, type Writer } from '@/lib/comments';
import { env } from '@/lib/env';
import { checkFormToken } from '@/lib/form-token';
import { readerSecret } from '@/lib/http';
import { consumeRateLimit } from '@/lib/rate-limit';
import { removeRating, setRating } from '@/lib/ratings';
import type { CommentInput, OwnComment } from '@/lib/validations/comment';

// The two writes readers make, with their rules, shared by the JSON API, the server actions
// behind the forms and the forms sent without JavaScript.

/** Gives, changes (`value`) or withdraws (`null`) a reader's rating, within their rate limits. */
export async function rateAs(writer: Writer, pieceKey: string, value: number | null): Promise<void> {
  await consumeRateLimit('rating', writer);
  if (value === null) await removeRating(pieceKey, writer.readerKey);
  else await setRating(pieceKey, writer.readerKey, value, writer.userId ?? null);
}

/**
 * Stores a reader's comment within their rate limits, under the moderation settings. From a
 * form, `formToken` says when it was shown: sent sooner than a person types, it is kept as spam;
 * without a genuine token (a page cached under another secret), it waits for an editor.
 */
export async function commentAs(writer: Writer, pieceKey: string, input: CommentInput, formToken?: string | null): Promise<OwnComment> {
  const timing = formToken === undefined ? 'ok' : checkFormToken(readerSecret(), formToken, Date.now());
  const checked = timing === 'too-fast' ? { ...input, website: input.website || 'envoyé trop vite' } : input;
  await consumeRateLimit('comment', writer);
  return createComment(pieceKey, checked, writer, {
    moderation: { mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS },
    hold: timing === 'invalid',
  });
}
