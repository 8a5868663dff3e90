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
