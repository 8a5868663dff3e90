import 'server-only';
import { db } from '@/lib/db/client';
import { countedWrite } from '@/lib/metrics';
import { ApiError, MESSAGES } from '@/lib/errors';
import { LIMITS, tooManyActions } from '@/lib/readers/rate-limits';
import type { Writer } from '@/lib/readers/comments';
import type { ReactionAnswer } from '@/lib/readers/comment-schemas';

// « Utile »: one per reader and comment (Coral's « Respect »), given or withdrawn in one statement
// (the SQL function react_to_comment of migration conversation: the comment must be published and
// not the reader's own, the per-minute limits of a rating, counted apart). The comment's count
// and its piece's are kept by triggers in the same transaction, never recounted on read.

type ReactedRow = { outcome: 'ok' | 'comment_not_found' | 'own_comment' | 'too_many'; waitMs: string; pieceKey: string | null; useful: number | null; reacted: boolean | null };

/** Gives (`on`) or withdraws a reader's « Utile » on a published comment; returns its new count and its piece. */
export function reactToComment(commentId: string, writer: Writer, on: boolean): Promise<ReactionAnswer & { pieceKey: string }> {
  return countedWrite('useful', async () => {
    const { rows } = await db().pool.query<ReactedRow>({
      name: 'react_to_comment',
      text: `SELECT "outcome", "wait_ms" AS "waitMs", "piece_key" AS "pieceKey", "useful", "reacted" FROM react_to_comment($1, $2, $3, $4, $5, $6, $7)`,
      values: [commentId, writer.readerKey, writer.addressKey, writer.userId ?? null, on, LIMITS.reaction.reader, LIMITS.reaction.address],
    });
    const row = rows[0];
    if (!row || row.outcome === 'comment_not_found') throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
    if (row.outcome === 'own_comment') throw new ApiError('own_comment', 'Vous ne pouvez pas marquer votre propre commentaire comme utile.');
    if (row.outcome === 'too_many') throw tooManyActions('reaction', Number(row.waitMs));
    return { useful: row.useful ?? 0, reacted: row.reacted ?? on, pieceKey: row.pieceKey ?? '' };
  });
}

/** The comments of a piece this reader found useful. */
export async function reactedComments(pieceKey: string, readerKey: string): Promise<string[]> {
  const rows = await db().prisma.commentReaction.findMany({
    where: { readerKey, comment: { pieceKey, status: 'published' } },
    select: { commentId: true },
    take: 1000,
  });
  return rows.map((row) => row.commentId);
}

/** A comment's piece and whether this reader's « Utile » is on it (the form without JavaScript toggles it), or null for no comment. */
export async function reactionState(commentId: string, readerKey: string): Promise<{ pieceKey: string; reacted: boolean } | null> {
  const row = await db().prisma.comment.findUnique({
    where: { id: commentId },
    select: { pieceKey: true, reactions: { where: { readerKey }, select: { readerKey: true } } },
  });
  return row && { pieceKey: row.pieceKey, reacted: row.reactions.length > 0 };
}
