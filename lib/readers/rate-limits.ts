import 'server-only';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';

// The counters live in PostgreSQL (table rate_limits), so every instance of the app shares them,
// and they are counted by the SQL functions of migration reader_writes: in the write's own
// statement for a rating and with a comment's other checks, in one statement of their own here.

/** What a reader may do so many times a minute, per reader and per address. */
type ReaderAction = 'comment' | 'rating' | 'reaction' | 'report' | 'notice' | 'subscription';
/** …and what an address may do so many times a minute, whoever asks. */
type RateLimitedAction = ReaderAction | 'search';

export const LIMITS: Record<ReaderAction, { reader: number; address: number }> = {
  comment: { reader: env.RATE_COMMENTS_PER_MINUTE_READER, address: env.RATE_COMMENTS_PER_MINUTE_ADDRESS },
  rating: { reader: env.RATE_RATINGS_PER_MINUTE_READER, address: env.RATE_RATINGS_PER_MINUTE_ADDRESS },
  // « Utile »: the limits of a rating, counted apart.
  reaction: { reader: env.RATE_RATINGS_PER_MINUTE_READER, address: env.RATE_RATINGS_PER_MINUTE_ADDRESS },
  report: { reader: env.RATE_REPORTS_PER_MINUTE_READER, address: env.RATE_REPORTS_PER_MINUTE_READER * 3 },
  // A DSA notice: the limits of a report, counted apart.
  notice: { reader: env.RATE_REPORTS_PER_MINUTE_READER, address: env.RATE_REPORTS_PER_MINUTE_READER * 3 },
  // The letter's form: the same limits as a comment's, counted apart.
  subscription: { reader: env.RATE_COMMENTS_PER_MINUTE_READER, address: env.RATE_COMMENTS_PER_MINUTE_ADDRESS },
};

const MESSAGES: Record<RateLimitedAction, string> = {
  comment: 'Vous avez envoyé beaucoup de commentaires en peu de temps. Patientez un peu avant de réessayer.',
  rating: 'Vous avez changé votre note de nombreuses fois en peu de temps. Patientez un peu avant de réessayer.',
  reaction: 'Vous avez marqué beaucoup de commentaires comme utiles en peu de temps. Patientez un peu avant de réessayer.',
  report: 'Vous avez envoyé beaucoup de signalements en peu de temps. Patientez un peu avant de réessayer.',
  notice: 'Vous avez envoyé beaucoup de notifications en peu de temps. Patientez un peu avant de réessayer.',
  subscription: 'Vous avez envoyé beaucoup de demandes d’inscription en peu de temps. Patientez un peu avant de réessayer.',
  search: 'Vous avez lancé beaucoup de recherches en peu de temps. Patientez un peu avant de réessayer.',
};

const retryAfter = (msBeforeNext: number) => ({ retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });

/** The 429 of an action over its per-minute limit, with the seconds to wait. */
export function tooManyActions(action: RateLimitedAction, msBeforeNext: number): ApiError {
  return new ApiError('rate_limited', MESSAGES[action], retryAfter(msBeforeNext));
}

/** The 429 of a rating refused by the address's daily allowance of new ratings on a piece. */
export function tooManyNewRatings(msBeforeNext: number): ApiError {
  return new ApiError('rate_limited', 'Beaucoup de nouvelles notes ont été données à ce contenu depuis votre connexion aujourd’hui. Réessayez demain.', retryAfter(msBeforeNext));
}

/**
 * Counts one action of a reader and of their address (one statement); refuses with 429 and the
 * seconds to wait when either is over its limit. A database error is passed on (503 for the caller).
 */
export async function consumeRateLimit(action: ReaderAction, keys: { readerKey: string; addressKey: string }): Promise<void> {
  const { rows } = await db().pool.query<{ wait: string }>({
    name: 'reader_limits_use',
    text: 'SELECT reader_limits_use($1, $2, $3, $4, $5) AS "wait"',
    values: [action, keys.readerKey, keys.addressKey, LIMITS[action].reader, LIMITS[action].address],
  });
  const wait = Number(rows[0]?.wait ?? 0);
  if (wait > 0) throw tooManyActions(action, wait);
}

/**
 * Counts one search from an address (one counter, one statement: searches are limited per
 * address only); refuses with 429 past RATE_SEARCHES_PER_MINUTE_ADDRESS.
 */
export async function consumeSearchLimit(addressKey: string): Promise<void> {
  const { rows } = await db().pool.query<{ wait: string }>({
    name: 'search_limit_use',
    text: `SELECT rate_limit_use('search:address:' || $1, $2, 60000) AS "wait"`,
    values: [addressKey, env.RATE_SEARCHES_PER_MINUTE_ADDRESS],
  });
  const wait = Number(rows[0]?.wait ?? 0);
  if (wait > 0) throw tooManyActions('search', wait);
}
