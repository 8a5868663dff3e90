import 'server-only';
import { createHmac } from 'node:crypto';
import { ApiError } from '@/lib/errors';
import { formatMoment } from '@/lib/format';
import type { BanKind } from '@/lib/db/generated/prisma/client';
import { readerSecret } from '@/lib/readers/secret';

/** What a ban stores of an email: a keyed hash, like every other identifier of a reader. */
export function emailKey(email: string): string {
  return `e:${createHmac('sha256', readerSecret()).update(`email\0${email.trim().toLowerCase()}`).digest('hex')}`;
}

type Identity = { userId?: string | null; readerKey: string; email?: string | null };

/** The keys a ban can name a writer by: their account, their browser, their email (hashed). */
export function banKeysOf(identity: Identity): { kind: BanKind; keyHash: string }[] {
  return [
    ...(identity.userId ? [{ kind: 'account' as const, keyHash: identity.userId }] : []),
    { kind: 'reader' as const, keyHash: identity.readerKey },
    ...(identity.email ? [{ kind: 'email' as const, keyHash: emailKey(identity.email) }] : []),
  ];
}

/** The 403 (polite) of a reader banned by account, by browser or by email; with its end when it is a suspension. */
export function bannedError(until: Date | null = null, now = Date.now()): ApiError {
  if (until) {
    return new ApiError('banned', `Vous êtes suspendu des commentaires de Place des Réseaux. Vous pourrez de nouveau commenter ${formatMoment(until.toISOString(), now)}. Si vous pensez qu’il s’agit d’une erreur, écrivez à la rédaction.`);
  }
  return new ApiError('banned', 'Vous ne pouvez plus publier de commentaires sur Place des Réseaux. Si vous pensez qu’il s’agit d’une erreur, écrivez à la rédaction.');
}
