/** How long an author may edit or delete their comment. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;

const LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/gi;

/** The number of web links in a plain-text comment. */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

export type ModerationSettings = { mode: 'pre' | 'post'; maxLinks: number };

type Author = { signedIn: boolean; hasApprovedComment: boolean };

/**
 * Whether a new comment is published at once or waits for an editor: comments with many
 * links always wait; under pre-moderation, so does a guest's first comment.
 */
export function initialStatus(body: string, author: Author, settings: ModerationSettings): 'published' | 'pending' {
  if (countLinks(body) > settings.maxLinks) return 'pending';
  if (settings.mode === 'post' || author.signedIn || author.hasApprovedComment) return 'published';
  return 'pending';
}

/** Whether the author of a comment may still change it. */
export function withinEditWindow(createdAt: Date, now: Date): boolean {
  const age = now.getTime() - createdAt.getTime();
  return age >= 0 && age <= EDIT_WINDOW_MS;
}
