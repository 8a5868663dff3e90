import 'server-only';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';

/** What a reader may do so many times a minute, per reader and per address. */
export type RateLimitedAction = 'comment' | 'rating' | 'report';

let newRatings: RateLimiterPostgres | undefined;

/**
 * Counts a rating that a new reader adds to a piece from an address: each address adds at most
 * RATE_NEW_RATINGS_PER_DAY_ADDRESS ratings to a piece a day, however many cookies it clears.
 */
export async function consumeNewRating(pieceKey: string, addressKey: string): Promise<void> {
  newRatings ??= new RateLimiterPostgres({
    storeClient: db().pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    keyPrefix: 'rating:new',
    points: env.RATE_NEW_RATINGS_PER_DAY_ADDRESS,
    duration: 24 * 3600,
  });
  try {
    await newRatings.consume(`${addressKey}:${pieceKey}`);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new ApiError('rate_limited', 'Beaucoup de nouvelles notes ont été données à ce contenu depuis votre connexion aujourd’hui. Réessayez demain.', {
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      });
    }
    throw error;
  }
}

const LIMITS: Record<RateLimitedAction, { reader: number; address: number }> = {
  comment: { reader: env.RATE_COMMENTS_PER_MINUTE_READER, address: env.RATE_COMMENTS_PER_MINUTE_ADDRESS },
  rating: { reader: env.RATE_RATINGS_PER_MINUTE_READER, address: env.RATE_RATINGS_PER_MINUTE_ADDRESS },
  report: { reader: env.RATE_REPORTS_PER_MINUTE_READER, address: env.RATE_REPORTS_PER_MINUTE_READER * 3 },
};

const MESSAGES: Record<RateLimitedAction, string> = {
  comment: 'Vous avez envoyé beaucoup de commentaires en peu de temps. Patientez un peu avant de réessayer.',
  rating: 'Vous avez changé votre note de nombreuses fois en peu de temps. Patientez un peu avant de réessayer.',
  report: 'Vous avez envoyé beaucoup de signalements en peu de temps. Patientez un peu avant de réessayer.',
};

const limiters = new Map<string, RateLimiterPostgres>();

// The counters live in PostgreSQL (table rate_limits, created by the migrations), so every
// instance of the app shares them.
function limiter(action: RateLimitedAction, scope: 'reader' | 'address'): RateLimiterPostgres {
  const name = `${action}:${scope}`;
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: db().pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: name,
      points: LIMITS[action][scope],
      duration: 60,
    });
    limiters.set(name, found);
  }
  return found;
}

/**
 * Counts one action of a reader and of their address; refuses with 429 and the seconds to
 * wait when either is over its limit. A database error is passed on (503 for the caller).
 */
export async function consumeRateLimit(action: RateLimitedAction, keys: { readerKey: string; addressKey: string }): Promise<void> {
  try {
    await Promise.all([limiter(action, 'reader').consume(keys.readerKey), limiter(action, 'address').consume(keys.addressKey)]);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new ApiError('rate_limited', MESSAGES[action], { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) });
    }
    throw error;
  }
}
