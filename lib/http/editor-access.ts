import 'server-only';
import { connection } from 'next/server';
import { currentAccount, type Account } from '@/lib/accounts/session';
import { ApiError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/api';

/** The editor behind a moderation request: 401 when not signed in, 403 for a reader or another origin. */
export async function requireEditor(request?: Request): Promise<Account> {
  await connection(); // about who asks: never prerendered
  if (request && request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request);
  const account = await currentAccount();
  if (!account) throw new ApiError('not_signed_in', 'Connectez-vous avec un compte de la rédaction pour accéder à la modération.');
  if (!account.isEditor) throw new ApiError('not_editor', 'La modération est réservée à la rédaction.');
  return account;
}
