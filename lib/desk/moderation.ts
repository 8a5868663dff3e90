import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { emailKey } from '@/lib/desk/bans';
import { db } from '@/lib/db/client';
import { ApiError, MESSAGES } from '@/lib/errors';
import type { BanKind, CommentStatus } from '@/lib/db/generated/prisma/client';

import type { ModerationAction } from '@/lib/desk/moderation-actions';

export { MODERATION_ACTIONS, type ModerationAction } from '@/lib/desk/moderation-actions';

const TARGET: Record<Exclude<ModerationAction, 'keep'>, CommentStatus> = {
  approve: 'published',
  reject: 'rejected',
  spam: 'spam',
  delete: 'deleted',
};

type Transaction = Parameters<Parameters<ReturnType<typeof db>['prisma']['$transaction']>[0]>[0];

// Keeping a reported comment resolves its open reports; nothing to do when none is open.
async function keepComment(tx: Transaction, id: string) {
  const resolved = await tx.report.updateMany({ where: { commentId: id, resolved: false }, data: { resolved: true } });
  if (resolved.count === 0) return [];
  const comment = await tx.comment.findUniqueOrThrow({ where: { id }, select: { id: true, pieceKey: true, parentId: true } });
  return [{ id: comment.id, piece_key: comment.pieceKey, parent_id: comment.parentId }];
}

export type Decision = { id: string; pieceKey: string; parentId: string | null; action: ModerationAction };

/**
 * Applies an editor's decision to comments. Each change is conditional (the status must differ),
 * so two editors deciding at once make one decision and one entry in the audit log.
 */
export async function moderateComments(ids: string[], action: ModerationAction, editor: Account, reason?: string): Promise<Decision[]> {
  const { prisma } = db();
  const decisions: Decision[] = [];
  for (const id of new Set(ids)) {
    const decision = await prisma.$transaction(async (tx) => {
      const rows =
        action === 'keep'
          ? await keepComment(tx, id)
          : await tx.$queryRaw<{ id: string; piece_key: string; parent_id: string | null }[]>`
              UPDATE comments SET status = ${TARGET[action]}::"CommentStatus"
              WHERE id = ${id}::uuid AND status <> ${TARGET[action]}::"CommentStatus"
              RETURNING id, piece_key, parent_id`;
      const row = rows[0];
      if (!row) return null;
      if (action !== 'keep') await tx.report.updateMany({ where: { commentId: id, resolved: false }, data: { resolved: true } });
      await tx.moderationEvent.create({
        data: { editorId: editor.id, editor: editor.email, action, commentId: id, pieceKey: row.piece_key, reason: reason || null },
      });
      return { id: row.id, pieceKey: row.piece_key, parentId: row.parent_id, action };
    });
    if (decision) decisions.push(decision);
  }
  return decisions;
}

/** What waits for the editors: pending comments and reported ones, newest first. */
export async function moderationQueue() {
  const rows = await db().prisma.comment.findMany({
    where: { OR: [{ status: 'pending' }, { status: 'published', reports: { some: { resolved: false } } }] },
    orderBy: { createdAt: 'desc' },
    take: 500,
    include: { reports: { where: { resolved: false }, orderBy: { createdAt: 'asc' } } },
  });
  return rows.map((row) => ({
    id: row.id,
    pieceKey: row.pieceKey,
    author: row.authorName,
    email: row.email,
    body: row.body,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    signedIn: Boolean(row.userId),
    reports: row.reports.map((report) => ({ reason: report.reason, details: report.details, createdAt: report.createdAt.toISOString() })),
  }));
}

/** Bars the author of a comment: their account, their browser, or their email. */
export async function banAuthor(commentId: string, kind: BanKind, reason: string, editor: Account) {
  const { prisma } = db();
  const comment = await prisma.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  const keyHash = kind === 'account' ? comment.userId : kind === 'email' ? comment.email && emailKey(comment.email) : comment.readerKey;
  if (!keyHash) throw new ApiError('validation_failed', kind === 'account' ? 'Ce commentaire n’a pas été écrit depuis un compte.' : 'Ce commentaire n’a pas d’e-mail.', { field: 'kind' });
  const label = kind === 'email' ? (comment.email ?? '') : `${comment.authorName}${kind === 'account' ? ' (compte)' : ' (navigateur)'}`;
  return prisma.$transaction(async (tx) => {
    const ban = await tx.ban.create({ data: { kind, keyHash, label, reason, createdById: editor.id } });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'ban', commentId, pieceKey: comment.pieceKey, target: label, reason } });
    return ban;
  });
}

/** Bars an email address, keyed-hashed like any other identifier. */
export async function banEmail(email: string, reason: string, editor: Account) {
  const { prisma } = db();
  return prisma.$transaction(async (tx) => {
    const ban = await tx.ban.create({ data: { kind: 'email', keyHash: emailKey(email), label: email.trim().toLowerCase(), reason, createdById: editor.id } });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'ban', target: ban.label, reason } });
    return ban;
  });
}

/** Lifts a ban (once: a second lift changes nothing). */
export async function liftBan(id: string, editor: Account): Promise<boolean> {
  const { prisma } = db();
  return prisma.$transaction(async (tx) => {
    const lifted = await tx.ban.updateManyAndReturn({ where: { id, liftedAt: null }, data: { liftedAt: new Date(), liftedById: editor.id } });
    const ban = lifted[0];
    if (!ban) return false;
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'unban', target: ban.label } });
    return true;
  });
}

/** The bans in force, newest first. */
export async function activeBans() {
  return db().prisma.ban.findMany({ where: { liftedAt: null }, orderBy: { createdAt: 'desc' }, take: 500 });
}

/** The audit log, newest first. */
export async function moderationLog(limit = 200) {
  return db().prisma.moderationEvent.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}
