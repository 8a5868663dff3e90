import 'server-only';
import MiniSearch from 'minisearch';
import { getPublishedPieces, readPieces } from '@/lib/content';
import { SEARCH_OPTIONS } from '@/lib/search-terms';

function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|]/g, ' ');
}

/** The search index of every published piece, built once per build (and per scheduled publication). */
export async function buildSearchIndex(): Promise<string> {
  const pieces = await getPublishedPieces();
  const index = new MiniSearch(SEARCH_OPTIONS);
  index.addAll(
    readPieces(pieces).map((piece) => ({
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
