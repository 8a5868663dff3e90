import 'server-only';
import { commentingRules } from '@/lib/content';
import { closingInstant, commentsOpen, openByContent } from '@/lib/readers/comment-closing';
import { EDIT_WINDOW_MS, initialStatus, withinEditWindow, type ModerationSettings } from '@/lib/readers/comment-rules';
import { publicReply } from '@/lib/readers/comment-listing';
import { bannedError } from '@/lib/desk/bans';
import { sendStatementSoon } from '@/lib/desk/statements';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import type { Comment as CommentRow } from '@/lib/db/generated/prisma/client';
import { tooManyActions } from '@/lib/readers/rate-limits';
import type { CommentBadge, CommentInput, OwnComment } from '@/lib/readers/comment-schemas';

export { COMMENTS_PAGE_SIZE, countPublishedComments, listPublishedComments, publishedComment } from '@/lib/readers/comment-listing';

// Writing comments: a new one or a reply (one statement, post_comment), an author's edit or
// deletion within 15 minutes, and whether a piece takes comments now.

/** Whether a piece takes comments at `now` (an editor's choice first), and when they close by age. */
export async function pieceCommentsState(pieceKey: string, now = Date.now()): Promise<{ open: boolean; closesAt: number | null; override: boolean | null }> {
  const rules = commentingRules(pieceKey) ?? { date: new Date(now).toISOString() };
  const setting = await db().prisma.pieceSetting.findUnique({ where: { pieceKey }, select: { commentsOpen: true } });
  const override = setting?.commentsOpen ?? null;
  const closesAt = override === null ? closingInstant(rules, env.COMMENTS_CLOSE_AFTER_DAYS) : null;
  return { open: commentsOpen(rules, override, env.COMMENTS_CLOSE_AFTER_DAYS, now), closesAt: closesAt !== null && closesAt > now ? closesAt : null, override };
}

/** The 403 of a write on a piece whose comments are closed. */
export function commentsClosedError(): ApiError {
  return new ApiError('comments_closed', MESSAGES.commentsClosed);
}

/** Who is writing: the keyed hashes of their cookie and address, and their account if any. */
export type Writer = { readerKey: string; addressKey: string; userId?: string | null };

function ownComment(row: CommentRow): OwnComment {
  return { ...publicReply(row), parentId: row.parentId, status: row.status === 'published' ? 'published' : 'pending' };
}

/** The comments of one reader that wait for moderation on a piece, so they can see them. */
export async function pendingCommentsOf(pieceKey: string, readerKey: string): Promise<OwnComment[]> {
  return (await readerActivity(pieceKey, readerKey)).pending;
}

/**
 * What one reader sees of their own comments on a piece: those waiting for moderation, and
 * those they may still edit or delete, with the moment they no longer can.
 */
export async function readerActivity(pieceKey: string, readerKey: string, now = new Date()) {
  const rows = await db().prisma.comment.findMany({
    where: {
      pieceKey,
      readerKey,
      OR: [{ status: 'pending' }, { status: 'published', createdAt: { gte: new Date(now.getTime() - EDIT_WINDOW_MS) } }],
    },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  return {
    pending: rows.filter((row) => row.status === 'pending').map(ownComment),
    editable: rows
      .filter((row) => withinEditWindow(row.createdAt, now))
      .map((row) => ({ id: row.id, until: new Date(row.createdAt.getTime() + EDIT_WINDOW_MS).toISOString(), body: row.body })),
  };
}

/** What guards a reader's comment: their per-minute limits and the keys a ban could name them by. */
export type CommentGuards = { limits: { reader: number; address: number }; banKeys: Array<{ kind: string; keyHash: string }> };
/**
 * `hold`: wait for moderation whatever the rules say (a form whose timing token is not genuine).
 * `badge`: decided by the caller from the writer's account, never from their input.
 */
type CreateOptions = { moderation: ModerationSettings; now?: Date; hold?: boolean; guards?: CommentGuards; badge?: CommentBadge | null };

type PostedRow = {
  outcome: 'ok' | 'too_many_comments' | 'banned' | 'parent_not_found' | 'comments_closed' | 'refused_term';
  waitMs: string;
  status: 'published' | 'pending';
  id: string;
  parentId: string | null;
  createdAt: Date;
  /** The end of the suspension that refused the comment (null: a permanent ban). */
  until: Date | null;
};

/** The 422 of a comment holding a term of the « refusés » list: the term is not echoed. */
export function refusedTermError(): ApiError {
  return new ApiError('refused_term', 'Votre commentaire contient un terme que la rédaction n’accepte pas. Reformulez-le dans le respect de la charte des commentaires (/charte).', { field: 'body' });
}

/** Which word list holds a name and a text, and the term (comment_word_match: one query a list). */
async function wordListMatch(author: string, body: string): Promise<{ list: 'refused' | 'review'; term: string } | null> {
  const { rows } = await db().pool.query<{ list: 'refused' | 'review'; term: string }>({
    name: 'comment_word_match',
    text: 'SELECT "list", "term" FROM comment_word_match($1, $2)',
    values: [author, body],
  });
  return rows[0] ?? null;
}

/**
 * Stores a comment or a reply (a reply to a reply goes under the top comment), within `guards`
 * when given, in one statement (the SQL function post_comment holds the checks). A filled
 * honeypot stores it as spam, never shown, while the answer looks as usual.
 */
export async function createComment(pieceKey: string, input: CommentInput, writer: Writer, options: CreateOptions): Promise<OwnComment> {
  const signedIn = Boolean(writer.userId);
  const statusOf = (hasApprovedComment: boolean) => (options.hold ? 'pending' : initialStatus(input.body, { signedIn, hasApprovedComment }, options.moderation));
  const { guards } = options;
  const badge = options.badge ?? null;
  const rules = commentingRules(pieceKey);
  // The frontmatter and the age rule, from the build's manifest; an editor's choice is read by the statement.
  const openByDefault = rules ? openByContent(rules, env.COMMENTS_CLOSE_AFTER_DAYS, (options.now ?? new Date()).getTime()) : true;
  const { rows } = await db().pool.query<PostedRow>({
    name: 'post_comment',
    text: `SELECT "outcome", "wait_ms" AS "waitMs", "status", "id", "parent_id" AS "parentId", "created_at" AS "createdAt", "until"
           FROM post_comment($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    values: [
      pieceKey, input.parentId ?? null, input.author, input.email ?? null, Boolean(input.notify && input.email), writer.userId ?? null, input.body,
      writer.readerKey, writer.addressKey, options.now ?? null,
      statusOf(true), statusOf(false), Boolean(input.website),
      guards?.banKeys.map((key) => key.kind) ?? [], guards?.banKeys.map((key) => key.keyHash) ?? [], guards?.limits.reader ?? null, guards?.limits.address ?? null,
      badge, openByDefault,
    ],
  });
  const row = rows[0];
  if (!row) throw new Error('post_comment n’a rendu aucune ligne');
  if (row.outcome === 'comments_closed') throw commentsClosedError();
  if (row.outcome === 'too_many_comments') throw tooManyActions('comment', Number(row.waitMs));
  if (row.outcome === 'banned') throw bannedError(row.until, (options.now ?? new Date()).getTime());
  if (row.outcome === 'refused_term') {
    // Stored as rejected by the word lists alone: its author is told why (DSA art. 17), when an email is known.
    sendStatementSoon({
      commentId: row.id,
      measure: 'rejection',
      trigger: { kind: 'own_initiative' },
      automated: { detection: true, decision: true },
      ground: { kind: 'charter', article: 'courtoisie' },
      explanation: 'Le commentaire contient un terme de la liste des termes que la rédaction n’accepte pas.',
      decidedBy: null,
    });
    throw refusedTermError();
  }
  if (row.outcome === 'parent_not_found') throw new ApiError('comment_not_found', 'Le commentaire auquel vous répondez n’existe plus ou n’est pas visible.');
  return {
    id: row.id, author: input.author, body: input.body, createdAt: row.createdAt.toISOString(), editedAt: null,
    badge, featured: false, useful: 0, parentId: row.parentId, status: row.status,
  };
}

async function ownedComment(id: string, readerKey: string | null, now: Date): Promise<CommentRow> {
  const row = await db().prisma.comment.findUnique({ where: { id } });
  if (!row || row.status === 'deleted' || row.status === 'spam' || row.status === 'rejected') {
    throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  }
  if (!readerKey || row.readerKey !== readerKey) {
    throw new ApiError('not_author', 'Seul l’auteur d’un commentaire peut le modifier ou le supprimer, depuis le navigateur où il l’a écrit.');
  }
  if (!withinEditWindow(row.createdAt, now)) {
    throw new ApiError('edit_window_closed', 'Un commentaire ne peut être modifié ou supprimé que dans les 15 minutes qui suivent sa publication.');
  }
  return row;
}

/** The author changes the text of their comment, within 15 minutes. */
export async function editComment(
  id: string,
  body: string,
  readerKey: string | null,
  options: { moderation: ModerationSettings; now?: Date },
): Promise<{ comment: OwnComment; pieceKey: string }> {
  const now = options.now ?? new Date();
  const row = await ownedComment(id, readerKey, now);
  if (!(await pieceCommentsState(row.pieceKey, now.getTime())).open) throw commentsClosedError();
  // A refused term refuses the edit (the comment stays as it was); a term « à vérifier », or many
  // links added after the fact, put the comment back in the queue.
  const matched = await wordListMatch(row.authorName, body);
  if (matched?.list === 'refused') throw refusedTermError();
  const held = matched?.list === 'review' || initialStatus(body, { signedIn: true, hasApprovedComment: true }, options.moderation) === 'pending';
  const status = row.status === 'published' && held ? 'pending' : row.status;
  const updated = await db().prisma.$transaction(async (tx) => {
    const comment = await tx.comment.update({ where: { id }, data: { body, editedAt: now, status, ...(matched && { matchedList: matched.list, matchedTerm: matched.term }) } });
    if (matched && row.status === 'published') {
      await tx.moderationEvent.create({ data: { editor: 'Listes de mots', action: 'auto_hold', commentId: id, pieceKey: row.pieceKey, target: matched.term, createdAt: now } });
    }
    return comment;
  });
  return { comment: ownComment(updated), pieceKey: row.pieceKey };
}

/** The author deletes their comment, within 15 minutes. Returns the piece it was on. */
export async function deleteComment(id: string, readerKey: string | null, now = new Date()): Promise<{ pieceKey: string }> {
  const row = await ownedComment(id, readerKey, now);
  await db().prisma.comment.update({ where: { id }, data: { status: 'deleted' } });
  return { pieceKey: row.pieceKey };
}

/** Publishes a pending comment (the editors' desk builds on this). */
export async function approveComment(id: string): Promise<{ pieceKey: string }> {
  const row = await db().prisma.comment.update({ where: { id }, data: { status: 'published' }, select: { pieceKey: true } });
  return row;
}
