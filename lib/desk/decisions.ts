import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { moderateComments, type ModerationAction } from '@/lib/desk/moderation';
import { notifyFeaturedSoon, notifyReplySoon } from '@/lib/desk/notifications';
import { revalidatePiece } from '@/lib/readers/piece-cache';

/** An editor's decision, with its effects: the pieces' caches, the reply notifications, a featured author's e-mail. */
export async function decide(ids: string[], action: ModerationAction, editor: Account, reason?: string) {
  const decisions = await moderateComments(ids, action, editor, reason);
  for (const piece of new Set(decisions.map((decision) => decision.pieceKey))) revalidatePiece(piece);
  for (const decision of decisions) {
    if (decision.action === 'approve' && decision.parentId) notifyReplySoon(decision.id);
    if (decision.action === 'feature') notifyFeaturedSoon(decision.id);
  }
  return decisions;
}
