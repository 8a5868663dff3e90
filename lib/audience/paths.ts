import 'server-only';
import { isKnownPath } from '@/lib/content/known-paths';

// The pages whose readers are counted: what the content index knows (home, sections, pieces and
// their comments, tags, authors, their pages) and the magazine's own pages. Not the desk, the
// account, sign-in, forms' answers or anything else a beacon may name.
const OWN_PAGES = new Set(['/', '/auteurs', '/tags', '/lettre', '/recherche', '/charte', '/transparence', '/confidentialite', '/les-plus-apprecies']);
const RANKING_PAGE = /^\/les-plus-apprecies\/page\/[1-9]\d{0,4}$/;
const NOT_READ = new Set(['noter', 'commenter', 'image-sociale.png']);

/** Whether the page at `path` is one of the magazine's, now. */
export function isAudiencePath(path: string, now: number): boolean {
  if (OWN_PAGES.has(path) || RANKING_PAGE.test(path)) return true;
  if (NOT_READ.has(path.split('/')[3] ?? '')) return false;
  return isKnownPath(path, now) === true;
}
