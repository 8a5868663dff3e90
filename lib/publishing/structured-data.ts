import type { Article, BreadcrumbList, Comment, Organization, WebSite, WithContext } from 'schema-dts';
import type { AuthorProfile, Piece } from '@/lib/content';
import { SECTION_INFO } from '@/lib/content/sections';
import { pieceImage } from '@/lib/publishing/page-metadata';
import type { PieceReaderData } from '@/lib/readers/piece-cache';

const ORGANIZATION_NAME = 'Place des Réseaux';

type OrganizationLeaf = Extract<Organization, { '@type': 'Organization' }>;

function organization(siteUrl: string): OrganizationLeaf {
  return { '@type': 'Organization', name: ORGANIZATION_NAME, url: new URL('/', siteUrl).href, logo: new URL('/icon.svg', siteUrl).href };
}

function readersJsonLd(readers: PieceReaderData, url: string): Partial<Article> {
  const { aggregate, comments } = readers;
  const comment: Comment[] = comments.comments
    .filter((entry) => !entry.deleted)
    .map((entry) => ({
      '@type': 'Comment',
      '@id': `${url}#commentaire-${entry.id}`,
      author: { '@type': 'Person', name: entry.author },
      dateCreated: entry.createdAt,
      text: entry.body,
    }));
  return {
    ...(aggregate.count > 0 && aggregate.average !== null && {
      aggregateRating: { '@type': 'AggregateRating', ratingValue: aggregate.average, ratingCount: aggregate.count, bestRating: 5, worstRating: 1 },
    }),
    commentCount: comments.count,
    comment,
  };
}

/**
 * schema.org Article of a piece: the fields computed at build time, absolute URLs, its author,
 * the magazine as publisher, the person interviewed (`about` and `mentions`), and what readers said.
 */
export function pieceJsonLd(piece: Piece, author: AuthorProfile | null, siteUrl: string, readers?: PieceReaderData): WithContext<Article> {
  const url = new URL(piece.url, siteUrl).href;
  const base = piece.structuredData as unknown as WithContext<Article>;
  return {
    ...base,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    // The same picture as og:image: the cover, or the drawn card.
    image: new URL(pieceImage(piece).url, siteUrl).href,
    ...(author && {
      author: author.slug === 'la-redaction'
        ? { '@type': 'Organization', name: author.name, url: new URL(author.url, siteUrl).href }
        : { '@type': 'Person', name: author.name, url: new URL(author.url, siteUrl).href },
    }),
    publisher: organization(siteUrl),
    ...(piece.interviewee && { mentions: { '@type': 'Person', name: piece.interviewee.name, jobTitle: piece.interviewee.role } }),
    ...(readers && readersJsonLd(readers, url)),
  };
}

/** Accueil › section › piece. */
export function breadcrumbJsonLd(piece: Piece, siteUrl: string): WithContext<BreadcrumbList> {
  const section = SECTION_INFO[piece.section];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: [
      { '@type': 'ListItem', position: 1, name: 'Accueil', item: new URL('/', siteUrl).href },
      { '@type': 'ListItem', position: 2, name: section.title, item: new URL(section.path, siteUrl).href },
      { '@type': 'ListItem', position: 3, name: piece.title, item: new URL(piece.url, siteUrl).href },
    ],
  };
}

/** The magazine itself, and how to search it. */
export function siteJsonLd(siteUrl: string): { key: string; data: WithContext<OrganizationLeaf> | WithContext<WebSite> }[] {
  return [
    { key: 'organisation', data: { '@context': 'https://schema.org', ...organization(siteUrl) } },
    { key: 'site', data: {
      '@context': 'https://schema.org',
      '@type': 'WebSite',
      name: ORGANIZATION_NAME,
      url: new URL('/', siteUrl).href,
      inLanguage: 'fr-FR',
      potentialAction: {
        '@type': 'SearchAction',
        target: { '@type': 'EntryPoint', urlTemplate: `${new URL('/recherche', siteUrl).href}?q={search_term_string}` },
        // Google's documented form; schema-dts names it query (a Text) only.
        ...({ 'query-input': 'required name=search_term_string' } as object),
      },
    } },
  ];
}

/** JSON for a `<script type="application/ld+json">`, safe to inline in HTML. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
