// When a piece's comments are open. An editor's choice (table piece_settings, read by the SQL
// function post_comment and by the piece's cached reads) comes first; then the frontmatter's
// `comments: open | closed`; then the age rule: closed COMMENTS_CLOSE_AFTER_DAYS days after the
// piece's date (0: never). Pure, for the write path, the page and the tests alike.

const DAY_MS = 24 * 3600 * 1000;

/** What the rule reads of a piece. */
export type ClosingRules = { date: string; comments?: 'open' | 'closed' };

/** The instant a piece's comments close by age, or null when they never do by age. */
export function closingInstant(piece: ClosingRules, closeAfterDays: number): number | null {
  if (piece.comments || closeAfterDays === 0) return null;
  const published = Date.parse(piece.date);
  return Number.isFinite(published) ? published + closeAfterDays * DAY_MS : null;
}

/** Whether a piece's comments are open at `now` by its frontmatter and its age, before any editor's choice. */
export function openByContent(piece: ClosingRules, closeAfterDays: number, now: number): boolean {
  if (piece.comments) return piece.comments === 'open';
  const closes = closingInstant(piece, closeAfterDays);
  return closes === null || now < closes;
}

/** Whether comments are open, an editor's choice (`override`, null when none) first. */
export function commentsOpen(piece: ClosingRules, override: boolean | null, closeAfterDays: number, now: number): boolean {
  return override ?? openByContent(piece, closeAfterDays, now);
}
