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

/**
 * Cache tag of the rankings (« Les plus appréciés », « Les plus commentés »), which every piece's
 * figures move: revalidated with the piece's own tag on every write, and when the archive's
 * mirror of published pieces changes.
 */
export const RANKINGS_TAG = 'rankings';
