import type { AuthorProfile, Piece } from '@/lib/content';

/** schema.org Article of a piece, with absolute URLs, its author and the magazine as publisher. */
export function pieceJsonLd(piece: Piece, author: AuthorProfile | null, siteUrl: string): Record<string, unknown> {
  const url = new URL(piece.url, siteUrl).href;
  return {
    ...piece.structuredData,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(author && { author: { '@type': author.slug === 'la-redaction' ? 'Organization' : 'Person', name: author.name, url: new URL(author.url, siteUrl).href } }),
    publisher: { '@type': 'Organization', name: 'Place des Réseaux', url: new URL('/', siteUrl).href },
  };
}

/** JSON for a `<script type="application/ld+json">`, safe to inline in HTML. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
