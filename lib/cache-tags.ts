/** Cache tag of every list built from the content (listings, tags, feeds). */
export const CONTENT_TAG = 'content';

/** Cache tag of what readers wrote under one piece: its ratings and its comments. */
export function pieceTag(pieceKey: string): string {
  return `piece:${pieceKey}`;
}

/**
 * Cache tag of every figure readers made (ratings, comments) on every piece: revalidated when the
 * whole data changes at once (`npm run db:import`), which names no piece.
 */
export const FIGURES_TAG = 'figures';
