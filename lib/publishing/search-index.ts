import 'server-only';
import MiniSearch from 'minisearch';
import { getPublishedPieces, readPieces } from '@/lib/content';
import { env } from '@/lib/env';
import { SEARCH_OPTIONS } from '@/lib/publishing/search-terms';

/** A piece's body as plain words (markup, links' addresses and images left out), for search. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|]/g, ' ');
}


/** The search index of every published piece, built once per build (and per scheduled publication). */
export async function buildSearchIndex(): Promise<string> {
  const pieces = await getPublishedPieces();
  // Up to FULL_TEXT_SEARCH_MAX_PIECES pieces, the browser's index holds their full text (0.65 MB
  // gzip at 1,000); beyond, titles, summaries and tags only (0.77 MB gzip at 10,000 pieces,
  // against 8.5 MB with the text), and the search page asks the server (archive-search.ts).
  const fullText = pieces.length <= env.FULL_TEXT_SEARCH_MAX_PIECES;
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(
    // Without the text, the pieces' own files need not be read at all.
    (fullText ? readPieces(pieces) : pieces.map((piece) => ({ ...piece, bodyRaw: '' }))).map((piece) => ({
      id: piece.key,
      title: piece.title,
      summary: piece.summary,
      tags: piece.tags.join(' '),
      text: plainText(piece.bodyRaw),
      url: piece.url,
      section: piece.section,
      date: piece.date,
    })),
  );
  return JSON.stringify(index);
}
