import 'server-only';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';

/** The key of the HMACs that stand for readers, their addresses and emails; without it no reader can be recognised (503). */
export function readerSecret(): string {
  if (!env.AUTH_SECRET) throw new ApiError('database_unavailable', 'Le service n’est pas configuré (AUTH_SECRET manquant).');
  return env.AUTH_SECRET;
}
