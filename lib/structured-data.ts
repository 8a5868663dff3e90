import type { AuthorProfile, Piece } from '@/lib/content';
import type { PieceReaderData } from '@/lib/piece-data';

function readersJsonLd(readers: PieceReaderData, url: string) {
  const { aggregate, comments } = readers;
  return {
    ...(aggregate.count > 0 && aggregate.average !== null && {
      aggregateRating: { '@type': 'AggregateRating', ratingValue: aggregate.average, ratingCount: aggregate.count, bestRating: 5, worstRating: 1 },
    }),
    commentCount: comments.count,
    comment: comments.comments
      .filter((comment) => !comment.deleted)
      .map((comment) => ({
        '@type': 'Comment',
        '@id': `${url}#commentaire-${comment.id}`,
        author: { '@type': 'Person', name: comment.author },
        dateCreated: comment.createdAt,
        text: comment.body,
      })),
  };
}

/** schema.org Article of a piece, with absolute URLs, its author, the magazine as publisher, and what readers said. */
export function pieceJsonLd(piece: Piece, author: AuthorProfile | null, siteUrl: string, readers?: PieceReaderData): Record<string, unknown> {
  const url = new URL(piece.url, siteUrl).href;
  return {
    ...piece.structuredData,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(author && { author: { '@type': author.slug === 'la-redaction' ? 'Organization' : 'Person', name: author.name, url: new URL(author.url, siteUrl).href } }),
    publisher: { '@type': 'Organization', name: 'Place des Réseaux', url: new URL('/', siteUrl).href },
    ...(readers && readersJsonLd(readers, url)),
  };
}

/** JSON for a `<script type="application/ld+json">`, safe to inline in HTML. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
