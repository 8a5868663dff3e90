// The audience counts by calendar day in Paris: a reader's evening is one day, whatever UTC says.

const PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

// Formatting a date is the dearest step of a beacon's handling: one answer a minute is enough
// (a day starts on a minute in every time zone).
let cached: { minute: number; day: string } | undefined;

/** The day (YYYY-MM-DD) in Paris at `time`. */
export function parisDay(time: number): string {
  const minute = Math.floor(time / 60_000);
  if (cached?.minute !== minute) cached = { minute, day: PARIS.format(new Date(minute * 60_000)) };
  return cached.day;
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** The day `count` months before `day` (the same day of the month, or the month's last). */
export function monthsBefore(day: string, count: number): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 - count, 1, 12));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}
