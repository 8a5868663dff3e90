import 'server-only';
import type { Account } from '@/lib/accounts/session';
import type { CharterArticleId } from '@/lib/desk/charter';
import { banAuthor, moderateComments, type ModerationAction } from '@/lib/desk/moderation';
import type { BanDuration } from '@/lib/desk/ban-durations';
import type { BanKind } from '@/lib/db/generated/prisma/client';
import { notifyFeaturedSoon, notifyReplySoon } from '@/lib/desk/notifications';
import { removalContext, sendStatementSoon, type StatementInput } from '@/lib/desk/statements';
import { revalidatePiece } from '@/lib/readers/piece-cache';

/**
 * What a rejection or a deletion tells its author (DSA art. 17): the charte article it applies
 * (`courtoisie` by default), or, after a notice, the notice and the ground it was decided on.
 */
export type DecisionGrounds = { ground?: CharterArticleId; statement?: Pick<StatementInput, 'trigger' | 'ground' | 'automated'> };

/** An editor's decision, with its effects: the pieces' caches, the reply notifications, a featured author's e-mail, the statements of reasons. */
export async function decide(ids: string[], action: ModerationAction, editor: Account, reason?: string, grounds: DecisionGrounds = {}) {
  const removing = action === 'reject' || action === 'delete';
  const { published, held } = removing ? await removalContext(ids) : { published: new Set<string>(), held: new Set<string>() };
  const decisions = await moderateComments(ids, action, editor, reason);
  for (const piece of new Set(decisions.map((decision) => decision.pieceKey))) revalidatePiece(piece);
  for (const decision of decisions) {
    if (decision.action === 'approve' && decision.parentId) notifyReplySoon(decision.id);
    if (decision.action === 'feature') notifyFeaturedSoon(decision.id);
    // Spam gets no statement: DSA art. 17(2) exempts deceptive high-volume commercial content.
    if (decision.action === 'reject' || decision.action === 'delete') {
      sendStatementSoon({
        commentId: decision.id,
        // Taking down a published comment is a removal; refusing one that waited, a refusal to publish.
        measure: published.has(decision.id) ? 'removal' : 'rejection',
        trigger: grounds.statement?.trigger ?? { kind: 'own_initiative' },
        ground: grounds.statement?.ground ?? { kind: 'charter', article: grounds.ground ?? 'courtoisie' },
        // A comment the word lists held was found by automated means; a person decided.
        automated: grounds.statement?.automated ?? { detection: held.has(decision.id), decision: false },
        explanation: reason,
        decidedBy: editor.email,
      });
    }
  }
  return decisions;
}

/**
 * Bars the author of a comment for `duration` (a suspension) or for good, and sends them the
 * statement of reasons (DSA art. 17) when an email is known.
 */
export async function banAuthorAndTell(commentId: string, kind: BanKind, reason: string, editor: Account, duration: BanDuration, ground: CharterArticleId = 'courtoisie') {
  const ban = await banAuthor(commentId, kind, reason, editor, duration);
  sendStatementSoon({
    commentId,
    measure: ban.expiresAt ? 'suspension' : 'ban',
    until: ban.expiresAt,
    trigger: { kind: 'own_initiative' },
    ground: { kind: 'charter', article: ground },
    explanation: reason,
    decidedBy: editor.email,
  });
  return ban;
}
