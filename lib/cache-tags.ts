/** Cache tag of every list built from the content (listings, tags, feeds). */
export const CONTENT_TAG = 'content';

/** Cache tag of what readers wrote under one piece: its ratings and its comments. */
export function pieceTag(pieceKey: string): string {
  return `piece:${pieceKey}`;
}
