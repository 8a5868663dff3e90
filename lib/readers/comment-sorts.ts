// The orders of a piece's comments: the API's names (`sort=`) and the French ones of the pages'
// `?tri=`. Apart from the schemas, so that the request guard and the pages read them without zod.

export const COMMENT_SORTS = ['oldest', 'newest', 'useful'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const SORT_PARAMS: Record<CommentSort, string> = { oldest: 'anciens', newest: 'recents', useful: 'utiles' };
export const SORT_LABELS: Record<CommentSort, string> = { oldest: 'Les plus anciens', newest: 'Les plus récents', useful: 'Les plus utiles' };

/** The order a page's `?tri=` names (none: the oldest first), or null for an unknown one. */
export function sortFromParam(param: string | string[] | undefined | null): CommentSort | null {
  if (param === undefined || param === null || param === '') return 'oldest';
  return COMMENT_SORTS.find((sort) => SORT_PARAMS[sort] === param) ?? null;
}
