const PARIS = 'Europe/Paris';

const longDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: PARIS });

/** « 26 novembre 2026 », with « 1er » for the first of the month as French typography wants. */
export function formatDate(iso: string): string {
  return longDate.format(new Date(iso)).replace(/^1 /, '1er ');
}

/** The calendar day of an instant in Paris, as YYYY-MM-DD, for `<time dateTime>`. */
export function isoDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: PARIS }).format(new Date(iso));
}

/** « 1 avis », « 12 avis », « 1 article », « 3 articles »: French plural of a count. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('fr-FR')} ${Math.abs(count) >= 2 ? pluralForm : singular}`;
}

/** « 4 min de lecture ». */
export function readingTimeLabel(minutes: number): string {
  return `${minutes} min de lecture`;
}

const exactDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: PARIS });
const relative = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });

/** « 26 novembre 2026 à 10:30 », Paris time. */
export function formatDateTime(iso: string): string {
  return exactDateTime.format(new Date(iso));
}

const dayAndMonth = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', timeZone: PARIS });
const hourAndMinute = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: 'numeric', hourCycle: 'h23', timeZone: PARIS });

/**
 * « le 3 décembre à 14 h », « le 1er janvier 2027 à 9 h 30 »: an instant in Paris as French
 * typography writes it, the year only when it is not that of `now`.
 */
export function formatMoment(iso: string, now = Date.now()): string {
  const date = new Date(iso);
  const sameYear = isoDay(iso).slice(0, 4) === isoDay(new Date(now).toISOString()).slice(0, 4);
  const day = (sameYear ? dayAndMonth.format(date) : longDate.format(date)).replace(/^1 /, '1er ');
  const [hours = '0', minutes = '00'] = hourAndMinute.format(date).split(':');
  return `le ${day} à ${Number(hours)} h${minutes === '00' ? '' : ` ${minutes}`}`;
}

/** « à l'instant », « il y a 5 minutes », « il y a 3 heures », « hier », « il y a 4 jours », then the date. */
export function relativeTime(iso: string, now: number): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (seconds < 45) return 'à l’instant';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return relative.format(-hours, 'hour');
  const days = Math.round(hours / 24);
  if (days < 30) return relative.format(-days, 'day');
  return `le ${formatDate(iso)}`;
}
