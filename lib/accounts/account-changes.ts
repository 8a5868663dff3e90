import 'server-only';
import { db } from '@/lib/db/client';
import { accountReaderKey } from '@/lib/accounts/merge';

export const DELETED_READER = 'Lecteur supprimé';

/** Changes a reader's display name, on their account and on their comments. Returns the pieces touched. */
export async function renameAccount(userId: string, name: string): Promise<string[]> {
  const { prisma } = db();
  return prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { name } });
    const rows = await tx.comment.updateManyAndReturn({ where: { userId }, data: { authorName: name }, select: { pieceKey: true } });
    return [...new Set(rows.map((row) => row.pieceKey))];
  });
}

/**
 * Deletes an account and signs it out everywhere: its comments stay, signed « Lecteur supprimé »,
 * without email; its ratings stay in the averages, each under a fresh anonymous key tied to
 * nobody; the editors' notes about it are erased. Returns the pieces touched.
 */
export async function deleteAccount(userId: string): Promise<string[]> {
  const { prisma } = db();
  const key = accountReaderKey(userId);
  return prisma.$transaction(async (tx) => {
    const comments = await tx.$queryRaw<{ piece_key: string }[]>`
      UPDATE comments SET author_name = ${DELETED_READER}, email = NULL, user_id = NULL, notify_replies = false,
        reader_key = 'x:' || gen_random_uuid()
      WHERE user_id = ${userId} OR reader_key = ${key} RETURNING piece_key`;
    const ratings = await tx.$queryRaw<{ piece_key: string }[]>`
      UPDATE ratings SET user_id = NULL, reader_key = 'x:' || gen_random_uuid()
      WHERE user_id = ${userId} OR reader_key = ${key} RETURNING piece_key`;
    await tx.$executeRaw`UPDATE reports SET reader_key = 'x:' || gen_random_uuid() WHERE reader_key = ${key}`;
    await tx.$executeRaw`UPDATE comment_reactions SET user_id = NULL, reader_key = 'x:' || gen_random_uuid() WHERE user_id = ${userId} OR reader_key = ${key}`;
    // The desk's notes about the reader go; its messages to them stay in the log, addressed to nobody.
    await tx.$executeRaw`DELETE FROM reader_notes WHERE user_id = ${userId} OR reader_key = ${key}`;
    await tx.$executeRaw`UPDATE desk_messages SET recipient = ${DELETED_READER}, user_id = NULL, email_key = NULL, reader_key = 'x:' || gen_random_uuid() WHERE user_id = ${userId} OR reader_key = ${key}`;
    await tx.session.deleteMany({ where: { userId } });
    const user = await tx.user.delete({ where: { id: userId } });
    // The account's address leaves the letter too: deleting the account erases it everywhere.
    await tx.newsletterSubscriber.deleteMany({ where: { email: user.email.toLowerCase() } });
    return [...new Set([...comments, ...ratings].map((row) => row.piece_key))];
  });
}

/** Makes an account an editor, or a reader again; creates the account when there is none. */
export async function setEditor(email: string, editor: boolean): Promise<void> {
  const address = email.trim().toLowerCase();
  const role = editor ? 'editor' : 'reader';
  await db().prisma.user.upsert({ where: { email: address }, create: { email: address, role }, update: { role } });
}
