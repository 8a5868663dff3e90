import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { moderateComments, type ModerationAction } from '@/lib/desk/moderation';
import { notifyReplySoon } from '@/lib/desk/notifications';
import { revalidatePiece } from '@/lib/readers/piece-cache';

/** An editor's decision, with its effects: the pieces' caches, and the reply notifications. */
export async function decide(ids: string[], action: ModerationAction, editor: Account, reason?: string) {
  const decisions = await moderateComments(ids, action, editor, reason);
  for (const piece of new Set(decisions.map((decision) => decision.pieceKey))) revalidatePiece(piece);
  for (const decision of decisions) if (decision.action === 'approve' && decision.parentId) notifyReplySoon(decision.id);
  return decisions;
}
