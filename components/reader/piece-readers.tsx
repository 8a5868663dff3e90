import type { AuthorProfile, Piece } from '@/lib/content';
import { env } from '@/lib/env';
import { cachedPieceReaderData, type PieceReaderData } from '@/lib/readers/piece-cache';
import { breadcrumbJsonLd, jsonLdScript, pieceJsonLd } from '@/lib/publishing/structured-data';
import { ReaderSections } from './reader-sections';

/** The piece's schema.org data, with its rating and comments when they are known. */
export function PieceJsonLd({ piece, author, readers }: { piece: Piece; author: AuthorProfile | null; readers?: PieceReaderData | null }) {
  const data = [pieceJsonLd(piece, author, env.SITE_URL, readers ?? undefined), breadcrumbJsonLd(piece, env.SITE_URL)];
  return (
    <>
      {data.map((entry) => (
        <script key={entry['@type'] as string} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(entry) }} />
      ))}
    </>
  );
}

/**
 * Under the piece: its readers' ratings and comments, read from the cache of the piece. Awaited
 * without a Suspense boundary on purpose: React would stream a large boundary separately (shown
 * only by an inline script), and the sections must be in the HTML for readers without JavaScript.
 */
export async function PieceReaders({ piece, author }: { piece: Piece; author: AuthorProfile | null }) {
  const readers = await cachedPieceReaderData(piece.key);
  return (
    <>
      <PieceJsonLd piece={piece} author={author} readers={readers} />
      <ReaderSections piece={piece} aggregate={readers?.aggregate ?? null} comments={readers?.comments ?? null} featured={readers?.featured ?? []} formTokenAt={readers?.renderedAt ?? 0} />
    </>
  );
}
