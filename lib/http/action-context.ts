import 'server-only';
import { updateTag } from 'next/cache';
import { cookies, headers } from 'next/headers';
import { pieceTag, RANKINGS_TAG } from '@/lib/cache-tags';
import { publishedPieceKey } from '@/lib/content';
import { isDatabaseUnavailable } from '@/lib/db/client';
import { ApiError, MESSAGES } from '@/lib/errors';
import { currentAccount } from '@/lib/accounts/session';
import { identifyReader, type Reader } from '@/lib/http/api';
import { failure, logger } from '@/lib/log';

const TWO_YEARS_SECONDS = 2 * 365 * 24 * 3600;

/** A piece as the forms name it. */
export type PieceTarget = { section: string; slug: string };

/** The published piece a form names, or 404. */
export async function targetPieceKey(target: PieceTarget): Promise<string> {
  const key = await publishedPieceKey(target.section, target.slug);
  if (!key) throw new ApiError('piece_not_found', MESSAGES.pieceNotFound);
  return key;
}

/** The reader behind a server action; with `create`, one is made and its cookie set. */
export async function actionReader({ create }: { create: boolean }): Promise<Reader> {
  const requestHeaders = await headers();
  const secure = requestHeaders.get('x-forwarded-proto') === 'https';
  const reader = identifyReader(requestHeaders, { create, secure, account: await currentAccount() });
  if (reader.newCookie) {
    (await cookies()).set(reader.newCookie.name, reader.newCookie.value, {
      httpOnly: true,
      sameSite: 'lax',
      secure,
      path: '/',
      maxAge: TWO_YEARS_SECONDS,
    });
  }
  return reader;
}

/** What a form shows when its action failed: a French message, and the field at fault. */
export function actionError(error: unknown): { message: string; field?: string } {
  if (error instanceof ApiError) return { message: error.message, field: error.details.field };
  if (isDatabaseUnavailable(error)) return { message: MESSAGES.databaseUnavailable };
  logger('action').error({ err: failure(error) }, 'erreur inattendue');
  return { message: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, écrivez à la rédaction.' };
}

/** After a server action wrote on a piece: its answer, and every later request, read fresh data (the rankings too). */
export function refreshPiece(pieceKey: string): void {
  updateTag(pieceTag(pieceKey));
  updateTag(RANKINGS_TAG);
}
