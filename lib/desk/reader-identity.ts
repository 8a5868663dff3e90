import 'server-only';
import { emailKey } from '@/lib/desk/bans';
import { db } from '@/lib/db/client';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the desk knows of a comment's author: their account, browser key, and emails (the comment's and the account's). */
export type ReaderIdentity = { userId: string | null; readerKey: string; emails: string[]; accountEmail: string | null };

type Writer = { userId: string | null; readerKey: string; email: string | null };

/** The identity of a comment's author, with their account's email when they wrote signed in. */
export async function readerIdentity(comment: Writer): Promise<ReaderIdentity> {
  const account = comment.userId && UUID.test(comment.userId) ? await db().prisma.user.findUnique({ where: { id: comment.userId }, select: { email: true } }) : null;
  const emails = [...new Set([comment.email, account?.email].filter((email): email is string => Boolean(email)).map((email) => email.trim().toLowerCase()))];
  return { userId: comment.userId, readerKey: comment.readerKey, emails, accountEmail: account?.email ?? null };
}

/** The address the desk writes to: the email given with the comment, else the account's. */
export function authorAddress(comment: Writer, identity: ReaderIdentity): string | null {
  return comment.email?.trim() || identity.accountEmail;
}

/** The keys stored with a message or a note, as bans name a reader (the email as a keyed hash). */
export function storedKeys(comment: Writer): { userId: string | null; readerKey: string; emailKey: string | null } {
  return { userId: comment.userId, readerKey: comment.readerKey, emailKey: comment.email ? emailKey(comment.email) : null };
}

/** A Prisma filter for rows stored with `storedKeys`, matching any of a reader's identities. */
export function matchingKeys(identity: ReaderIdentity) {
  return {
    OR: [
      ...(identity.userId ? [{ userId: identity.userId }] : []),
      { readerKey: identity.readerKey },
      ...(identity.emails.length > 0 ? [{ emailKey: { in: identity.emails.map(emailKey) } }] : []),
    ],
  };
}
