import 'server-only';
import { connection } from 'next/server';
import { currentAccount, type Account } from '@/lib/auth/session';
import { ApiError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http';
import { moderateComments, type ModerationAction } from '@/lib/moderation';
import { notifyReplySoon } from '@/lib/notifications';
import { revalidatePiece } from '@/lib/piece-data';

/** The editor behind a moderation request: 401 when not signed in, 403 for a reader or another origin. */
export async function requireEditor(request?: Request): Promise<Account> {
  await connection(); // about who asks: never prerendered
  if (request && request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request);
  const account = await currentAccount();
  if (!account) throw new ApiError('not_signed_in', 'Connectez-vous avec un compte de la rédaction pour accéder à la modération.');
  if (!account.isEditor) throw new ApiError('not_editor', 'La modération est réservée à la rédaction.');
  return account;
}

/** An editor's decision, with its effects: the pieces' caches, and the reply notifications. */
export async function decide(ids: string[], action: ModerationAction, editor: Account, reason?: string) {
  const decisions = await moderateComments(ids, action, editor, reason);
  for (const piece of new Set(decisions.map((decision) => decision.pieceKey))) revalidatePiece(piece);
  for (const decision of decisions) if (decision.action === 'approve' && decision.parentId) notifyReplySoon(decision.id);
  return decisions;
}
