import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { banExpiry, type BanDuration } from '@/lib/desk/ban-durations';
import { emailKey } from '@/lib/desk/bans';
import { db } from '@/lib/db/client';
import { ApiError, MESSAGES } from '@/lib/errors';
import type { BanKind, CommentStatus } from '@/lib/db/generated/prisma/client';

import type { ModerationAction } from '@/lib/desk/moderation-actions';

export { MODERATION_ACTIONS, type ModerationAction } from '@/lib/desk/moderation-actions';

const TARGET: Record<Exclude<ModerationAction, 'keep' | 'feature' | 'unfeature'>, CommentStatus> = {
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

type Row = { id: string; piece_key: string; parent_id: string | null };

const STATUS_NAMES: Record<CommentStatus, string> = { pending: 'en attente de modération', published: 'publié', rejected: 'rejeté', spam: 'classé comme spam', deleted: 'supprimé' };

// Only published comments can be featured: all of a decision's comments are checked first, so a
// refusal stores nothing.
async function checkFeaturable(ids: string[]): Promise<void> {
  const rows = await db().prisma.comment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } });
  for (const id of ids) {
    const row = rows.find((candidate) => candidate.id === id);
    if (!row) throw new ApiError('comment_not_found', `${MESSAGES.commentNotFound} (${id})`);
    if (row.status !== 'published') {
      throw new ApiError('not_published', `Seul un commentaire publié peut être un coup de cœur de la rédaction : le commentaire ${id} est ${STATUS_NAMES[row.status]}.`, { field: 'ids' });
    }
  }
}

// The change a decision makes to one comment, conditional so that it happens once.
function change(tx: Transaction, id: string, action: Exclude<ModerationAction, 'keep'>, editor: Account): Promise<Row[]> {
  if (action === 'feature') {
    return tx.$queryRaw<Row[]>`
      UPDATE comments SET featured_at = now(), featured_by_id = ${editor.id}::uuid
      WHERE id = ${id}::uuid AND status = 'published' AND featured_at IS NULL RETURNING id, piece_key, parent_id`;
  }
  if (action === 'unfeature') {
    return tx.$queryRaw<Row[]>`
      UPDATE comments SET featured_at = NULL, featured_by_id = NULL
      WHERE id = ${id}::uuid AND featured_at IS NOT NULL RETURNING id, piece_key, parent_id`;
  }
  return tx.$queryRaw<Row[]>`
    UPDATE comments SET status = ${TARGET[action]}::"CommentStatus"
    WHERE id = ${id}::uuid AND status <> ${TARGET[action]}::"CommentStatus"
    RETURNING id, piece_key, parent_id`;
}

/**
 * Applies an editor's decision to comments. Each change is conditional (the status must differ),
 * so two editors deciding at once make one decision and one entry in the audit log.
 */
export async function moderateComments(ids: string[], action: ModerationAction, editor: Account, reason?: string): Promise<Decision[]> {
  const { prisma } = db();
  const decisions: Decision[] = [];
  if (action === 'feature') await checkFeaturable([...new Set(ids)]);
  for (const id of new Set(ids)) {
    const decision = await prisma.$transaction(async (tx) => {
      const rows = action === 'keep' ? await keepComment(tx, id) : await change(tx, id, action, editor);
      const row = rows[0];
      if (!row) return null;
      if (action !== 'keep' && action !== 'feature' && action !== 'unfeature') await tx.report.updateMany({ where: { commentId: id, resolved: false }, data: { resolved: true } });
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
    /** The term of a word list that held it (« à vérifier »), for the editor to judge. */
    matchedTerm: row.matchedList === 'review' ? row.matchedTerm : null,
    // An email given with the comment, or an account's: the desk can write to the author.
    writable: Boolean(row.email || row.userId),
    reports: row.reports.map((report) => ({ reason: report.reason, details: report.details, createdAt: report.createdAt.toISOString() })),
  }));
}

/** Published comments, the featured ones first, then the newest, `limit` in all: where the desk puts comments forward. */
export async function publishedForDesk(limit = 50) {
  const rows = await db().prisma.comment.findMany({
    where: { status: 'published' },
    orderBy: [{ featuredAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    pieceKey: row.pieceKey,
    author: row.authorName,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    badge: row.badge,
    featured: row.featuredAt !== null,
    useful: row.useful,
    writable: Boolean(row.email || row.userId),
  }));
}

/**
 * Bars the author of a comment (their account, their browser, or their email) for `duration`
 * from `now`: a suspension ends by itself.
 */
export async function banAuthor(commentId: string, kind: BanKind, reason: string, editor: Account, duration: BanDuration = 'permanent', now = new Date()) {
  const { prisma } = db();
  const comment = await prisma.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  const keyHash = kind === 'account' ? comment.userId : kind === 'email' ? comment.email && emailKey(comment.email) : comment.readerKey;
  if (!keyHash) throw new ApiError('validation_failed', kind === 'account' ? 'Ce commentaire n’a pas été écrit depuis un compte.' : 'Ce commentaire n’a pas d’e-mail.', { field: 'kind' });
  const label = kind === 'email' ? (comment.email ?? '') : `${comment.authorName}${kind === 'account' ? ' (compte)' : ' (navigateur)'}`;
  return prisma.$transaction(async (tx) => {
    const ban = await tx.ban.create({ data: { kind, keyHash, label, reason, createdById: editor.id, createdAt: now, expiresAt: banExpiry(duration, now) } });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'ban', commentId, pieceKey: comment.pieceKey, target: label, reason, duration, createdAt: now } });
    return ban;
  });
}

/** Bars an email address for `duration`, keyed-hashed like any other identifier. */
export async function banEmail(email: string, reason: string, editor: Account, duration: BanDuration = 'permanent', now = new Date()) {
  const { prisma } = db();
  return prisma.$transaction(async (tx) => {
    const ban = await tx.ban.create({
      data: { kind: 'email', keyHash: emailKey(email), label: email.trim().toLowerCase(), reason, createdById: editor.id, createdAt: now, expiresAt: banExpiry(duration, now) },
    });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'ban', target: ban.label, reason, duration, createdAt: now } });
    return ban;
  });
}

/** Opens or closes a piece's comments at once, whatever its frontmatter and age say; audited. */
export async function setPieceComments(pieceKey: string, open: boolean, editor: Account): Promise<void> {
  await db().prisma.$transaction(async (tx) => {
    await tx.pieceSetting.upsert({
      where: { pieceKey },
      create: { pieceKey, commentsOpen: open, updatedById: editor.id },
      update: { commentsOpen: open, updatedById: editor.id, updatedAt: new Date() },
    });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: open ? 'open_comments' : 'close_comments', pieceKey } });
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

/** The bans in force at `now` (neither lifted nor over), newest first. */
export async function activeBans(now = new Date()) {
  return db().prisma.ban.findMany({ where: { liftedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, orderBy: { createdAt: 'desc' }, take: 500 });
}

/** The audit log, newest first. */
export async function moderationLog(limit = 200) {
  return db().prisma.moderationEvent.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}
