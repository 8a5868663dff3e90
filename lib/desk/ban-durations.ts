/** How long a ban lasts: a suspension of an hour, a day or a week, or for good. */
export const BAN_DURATIONS = ['1h', '24h', '7d', 'permanent'] as const;
export type BanDuration = (typeof BAN_DURATIONS)[number];

const HOUR_MS = 3_600_000;
const DURATION_MS: Record<BanDuration, number | null> = { '1h': HOUR_MS, '24h': 24 * HOUR_MS, '7d': 7 * 24 * HOUR_MS, permanent: null };

/** The French name of a duration, for the desk and the statements: « 24 heures », « définitive ». */
export const DURATION_LABELS: Record<BanDuration, string> = { '1h': '1 heure', '24h': '24 heures', '7d': '7 jours', permanent: 'définitive' };

/** When a ban given at `now` ends by itself; null for a permanent one. */
export function banExpiry(duration: BanDuration, now: Date): Date | null {
  const length = DURATION_MS[duration];
  return length === null ? null : new Date(now.getTime() + length);
}
