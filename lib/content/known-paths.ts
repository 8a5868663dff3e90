import 'server-only';
import { nextPublication, pageNumberParam, paginate, publishedIndex, type PieceIndex } from './rules';
import { SECTIONS, type Section } from './types';
import { allAuthors, allPieceSummaries, contentVersion } from './store';

// Next renders a page that calls notFound() under a dynamic segment as an empty error shell
// (`<html id="__next_error__">`, the text only in the script payload), while a path that matches
// no route gets the real, server-rendered 404 page. lib/http/request-guard.ts asks here whether a
// path names something the magazine has, and sends what it does not to a path no route matches.

/** First segments served by routes of their own, never by `[section]`; checked against app/ by a test. */
export const STATIC_FIRST_SEGMENTS = new Set(['api', 'auteurs', 'charte', 'compte', 'confidentialite', 'connexion', 'desabonnement', 'flux', 'image-sociale.png', 'les-plus-apprecies', 'lettre', 'recherche', 'redaction', 'signalement', 'tags', 'transparence']);

/** Where an unknown path is sent: it matches no route (the deepest route has four segments). */
export const NOT_FOUND_PATH = '/introuvable/introuvable/introuvable/introuvable/introuvable';

let built: { id: string; index: PieceIndex; until: number } | undefined;

// The published pieces at `now`, rebuilt when the content changes or a scheduled piece falls due.
function publishedAt(now: number, includeUnpublished: boolean): PieceIndex {
  const version = contentVersion();
  if (built?.id !== version || now >= built.until) {
    const pieces = allPieceSummaries();
    built = { id: version, index: publishedIndex(pieces, now, includeUnpublished), until: nextPublication(pieces, now) };
  }
  return built.index;
}

const hasPage = (items: readonly unknown[], page: string) => {
  const number = pageNumberParam(page);
  return number !== null && paginate(items, number) !== null;
};

/**
 * Whether a page path names a section, piece, tag or author page that exists now: false sends it
 * to the 404 page, null leaves it to Next (a route of its own, or no route at all).
 */
export function isKnownPath(pathname: string, now: number, includeUnpublished = false): boolean | null {
  const segments = pathname.split('/').filter(Boolean).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  const [first, second, third, fourth, ...rest] = segments;
  if (first === undefined || rest.length > 0) return null;
  const index = publishedAt(now, includeUnpublished);
  if (first === 'tags' || first === 'auteurs') {
    if (second === undefined) return null;
    const pieces = first === 'tags' ? (index.tags.some((tag) => tag.slug === second) ? index.withTag(second) : null) : allAuthors().some((author) => author.slug === second) ? index.byAuthor(second) : null;
    if (pieces === null) return false;
    if (third === undefined) return true;
    return third === 'page' && fourth !== undefined && hasPage(pieces, fourth);
  }
  // The ranking's page count depends on the readers: its route checks that; here, only the shape.
  if (first === 'les-plus-apprecies') return second === undefined || (second === 'page' && third !== undefined && fourth === undefined && pageNumberParam(third) !== null) ? null : false;
  if (STATIC_FIRST_SEGMENTS.has(first)) return null;
  if (!(SECTIONS as readonly string[]).includes(first)) return segments.length <= 3 ? false : null;
  const section = first as Section;
  if (second === undefined) return true;
  if (second === 'page') return third !== undefined && fourth === undefined && hasPage(index.section(section), third);
  if (fourth !== undefined || (third !== undefined && third !== 'commentaires' && third !== 'noter' && third !== 'commenter' && third !== 'image-sociale.png')) return false;
  return index.find(section, second) !== undefined;
}
