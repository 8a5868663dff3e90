import 'server-only';
import { getServerSession } from 'next-auth';
import { cookies } from 'next/headers';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { authOptions } from './auth-options';

/** next-auth's session cookie, over https first, then over http. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

/** A signed-in reader; editors moderate. */
export type Account = { id: string; email: string; name: string | null; isEditor: boolean };

/** Editors are the accounts with the editor role, or whose email is in EDITOR_EMAILS. */
export function isEditor(user: { email: string; role: string }): boolean {
  return user.role === 'editor' || env.EDITOR_EMAILS.includes(user.email.toLowerCase());
}

/** The account behind the current request, or null (one read of the session in the database). */
export async function currentAccount(): Promise<Account | null> {
  if (!env.AUTH_SECRET) return null;
  // Most requests come from guests: without next-auth's session cookie there is no account, and
  // next-auth (which rebuilds its whole handler to answer) is not asked.
  const jar = await cookies();
  if (!SESSION_COOKIES.some((name) => jar.has(name))) return null;
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db().prisma.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true } });
  return user && { id: user.id, email: user.email, name: user.name, isEditor: isEditor(user) };
}

/** The account of a next-auth session token (for the proxy, which runs before next-auth). */
export async function accountFromSessionToken(token: string | undefined): Promise<Account | null> {
  if (!token) return null;
  const session = await db().prisma.session.findUnique({
    where: { sessionToken: token },
    select: { expires: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session || session.expires.getTime() < Date.now()) return null;
  return { id: session.user.id, email: session.user.email, name: session.user.name, isEditor: isEditor(session.user) };
}
