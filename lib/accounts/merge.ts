import 'server-only';
import { cookies } from 'next/headers';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { readerIdFromCookies, readerKeyOf } from '@/lib/readers/identity';

/** The reader key of an account: what its ratings and comments are stored under. */
export function accountReaderKey(userId: string): string {
  return `u:${userId}`;
}

/**
 * Gives an account what the same browser did anonymously: its comments, its « Utile », and its ratings — for a
 * piece rated both ways, the newest rating wins and the other goes, so nothing counts twice.
 */
export async function mergeReader(anonymousKey: string, userId: string): Promise<void> {
  const accountKey = accountReaderKey(userId);
  await db().prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      DELETE FROM ratings AS anonymous USING ratings AS account
      WHERE anonymous.reader_key = ${anonymousKey} AND account.reader_key = ${accountKey}
        AND anonymous.piece_key = account.piece_key AND anonymous.updated_at <= account.updated_at`;
    await tx.$executeRaw`
      DELETE FROM ratings AS account USING ratings AS anonymous
      WHERE anonymous.reader_key = ${anonymousKey} AND account.reader_key = ${accountKey}
        AND anonymous.piece_key = account.piece_key`;
    await tx.$executeRaw`UPDATE ratings SET reader_key = ${accountKey}, user_id = ${userId} WHERE reader_key = ${anonymousKey}`;
    await tx.$executeRaw`UPDATE comments SET reader_key = ${accountKey}, user_id = ${userId} WHERE reader_key = ${anonymousKey}`;
    await tx.$executeRaw`UPDATE reports SET reader_key = ${accountKey} WHERE reader_key = ${anonymousKey}
      AND NOT EXISTS (SELECT 1 FROM reports AS mine WHERE mine.reader_key = ${accountKey} AND mine.comment_id = reports.comment_id)`;
    // « Utile » given both ways counts once (the deletion's trigger takes it out of the count).
    await tx.$executeRaw`DELETE FROM comment_reactions AS anonymous WHERE anonymous.reader_key = ${anonymousKey}
      AND EXISTS (SELECT 1 FROM comment_reactions AS mine WHERE mine.reader_key = ${accountKey} AND mine.comment_id = anonymous.comment_id)`;
    await tx.$executeRaw`UPDATE comment_reactions SET reader_key = ${accountKey}, user_id = ${userId} WHERE reader_key = ${anonymousKey}`;
  });
}

/** After a sign-in: the browser's anonymous reader, if any, is merged into the account. */
export async function mergeAnonymousReader(userId: string): Promise<void> {
  if (!env.AUTH_SECRET) return;
  const readerId = readerIdFromCookies((await cookies()).toString());
  if (readerId) await mergeReader(readerKeyOf(env.AUTH_SECRET, readerId), userId);
}
