import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { publishedByKeys } from '@/lib/content';
import { emailKey } from '@/lib/desk/bans';
import { matchingKeys, readerIdentity, storedKeys, type ReaderIdentity } from '@/lib/desk/reader-identity';
import { db } from '@/lib/db/client';
import type { CommentStatus } from '@/lib/db/generated/prisma/client';
import { ApiError, MESSAGES } from '@/lib/errors';

/** The latest comments of a reader the history lists. */
export const HISTORY_COMMENTS = 50;

type CommentRow = { id: string; piece_key: string; status: CommentStatus; author_name: string; body: string; created_at: Date };

// One reader's comments: by account, by browser key, or by email whatever its case.
function readerComments(identity: ReaderIdentity) {
  const { prisma } = db();
  const userId = identity.userId ?? '';
  return Promise.all([
    prisma.$queryRaw<{ status: CommentStatus; count: number }[]>`
      SELECT status, count(*)::int AS count FROM comments
      WHERE user_id = ${userId} OR reader_key = ${identity.readerKey} OR lower(email) = ANY(${identity.emails}::text[])
      GROUP BY status`,
    prisma.$queryRaw<CommentRow[]>`
      SELECT id, piece_key, status, author_name, body, created_at FROM comments
      WHERE user_id = ${userId} OR reader_key = ${identity.readerKey} OR lower(email) = ANY(${identity.emails}::text[])
      ORDER BY created_at DESC LIMIT ${HISTORY_COMMENTS}`,
  ]);
}

/**
 * Everything the desk knows of the reader who wrote a comment: their comments (counts by status,
 * the latest 50), the bans naming them, the desk's messages to them and the editors' notes.
 * Null for an unknown comment.
 */
export async function readerHistory(commentId: string) {
  const { prisma } = db();
  const comment = await prisma.comment.findUnique({ where: { id: commentId } });
  if (!comment) return null;
  const identity = await readerIdentity(comment);
  const [[counts, comments], bans, messages, notes] = await Promise.all([
    readerComments(identity),
    prisma.ban.findMany({
      where: {
        OR: [
          ...(identity.userId ? [{ kind: 'account' as const, keyHash: identity.userId }] : []),
          { kind: 'reader' as const, keyHash: identity.readerKey },
          ...(identity.emails.length > 0 ? [{ kind: 'email' as const, keyHash: { in: identity.emails.map(emailKey) } }] : []),
        ],
      },
      orderBy: { createdAt: 'desc' },
    }),
    prisma.deskMessage.findMany({ where: matchingKeys(identity), orderBy: { createdAt: 'desc' }, take: 100 }),
    prisma.readerNote.findMany({ where: matchingKeys(identity), orderBy: { createdAt: 'desc' }, take: 200 }),
  ]);
  const titles = new Map((await publishedByKeys([...new Set(comments.map((row) => row.piece_key))])).map((piece) => [piece.key, piece.title]));
  return {
    comment: { id: comment.id, author: comment.authorName },
    identity: { account: identity.accountEmail, signedIn: Boolean(identity.userId), emails: identity.emails },
    counts: Object.fromEntries(counts.map((row) => [row.status, row.count])) as Partial<Record<CommentStatus, number>>,
    comments: comments.map((row) => ({
      id: row.id,
      pieceKey: row.piece_key,
      pieceTitle: titles.get(row.piece_key) ?? row.piece_key,
      status: row.status,
      author: row.author_name,
      body: row.body,
      createdAt: row.created_at,
    })),
    bans: bans.map(({ id, kind, label, reason, createdAt, liftedAt }) => ({ id, kind, label, reason, createdAt, liftedAt })),
    messages: messages.map(({ id, commentId: about, editor, recipient, subject, body, createdAt }) => ({ id, commentId: about, editor, recipient, subject, body, createdAt })),
    notes: notes.map(({ id, editor, body, createdAt }) => ({ id, editor, body, createdAt })),
  };
}

export type ReaderHistory = NonNullable<Awaited<ReturnType<typeof readerHistory>>>;

/** An editor's note about the reader who wrote a comment, kept under that reader's identities. */
export async function addReaderNote(commentId: string, text: string, editor: Account) {
  const { prisma } = db();
  const comment = await prisma.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  return prisma.readerNote.create({ data: { commentId: comment.id, editorId: editor.id, editor: editor.email, body: text, ...storedKeys(comment) } });
}
