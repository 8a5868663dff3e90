import 'server-only';
import { getPublishedPieces } from '@/lib/content';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { openByContent } from '@/lib/readers/comment-closing';
import { allPieceFigures, type PieceFigures } from '@/lib/readers/ratings';

/** `commentsOpen`: whether it takes comments now; `commentsBy`: who decided (an editor, or its frontmatter and age). */
export type PieceRow = PieceFigures & { title: string; url: string; section: string; slug: string; commentsOpen: boolean; commentsBy: 'editor' | 'content' };
export const SORTS = ['note', 'avis', 'commentaires', 'titre'] as const;
export type Sort = (typeof SORTS)[number];

/** Every published piece with its readers' figures, sorted for the editors' desk. */
export async function pieceRows(sort: Sort = 'avis'): Promise<PieceRow[]> {
  const [pieces, figures, settings] = await Promise.all([getPublishedPieces(), allPieceFigures(), db().prisma.pieceSetting.findMany()]);
  const byKey = new Map(figures.map((figure) => [figure.pieceKey, figure]));
  const chosen = new Map(settings.map((setting) => [setting.pieceKey, setting.commentsOpen]));
  const now = Date.now();
  const rows = pieces.map((piece) => ({
    ...(byKey.get(piece.key) ?? { pieceKey: piece.key, average: null, ratings: 0, comments: 0, useful: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } }),
    title: piece.title,
    url: piece.url,
    section: piece.section,
    slug: piece.slug,
    commentsOpen: chosen.get(piece.key) ?? openByContent(piece, env.COMMENTS_CLOSE_AFTER_DAYS, now),
    commentsBy: chosen.has(piece.key) ? ('editor' as const) : ('content' as const),
  }));
  const compare: Record<Sort, (a: PieceRow, b: PieceRow) => number> = {
    note: (a, b) => (b.average ?? -1) - (a.average ?? -1),
    avis: (a, b) => b.ratings - a.ratings,
    commentaires: (a, b) => b.comments - a.comments,
    titre: (a, b) => a.title.localeCompare(b.title, 'fr'),
  };
  return rows.sort((a, b) => compare[sort](a, b) || a.title.localeCompare(b.title, 'fr'));
}

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[;"\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The table as CSV for a spreadsheet (semicolons and a BOM, as French Excel expects). */
export function piecesCsv(rows: PieceRow[]): string {
  const header = ['clé', 'titre', 'note moyenne', 'avis', '1 étoile', '2 étoiles', '3 étoiles', '4 étoiles', '5 étoiles', 'commentaires'];
  const lines = rows.map((row) =>
    [row.pieceKey, row.title, row.average === null ? null : row.average.toLocaleString('fr-FR'), row.ratings, ...([1, 2, 3, 4, 5] as const).map((stars) => row.distribution[stars]), row.comments]
      .map(cell)
      .join(';'),
  );
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}
