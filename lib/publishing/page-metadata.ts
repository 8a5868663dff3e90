import type { Metadata } from 'next';
import type { PieceSummary } from '@/lib/content/types';

// Every public page names its canonical address and carries a social card: its own for a piece,
// the magazine's for the rest. Next replaces a parent's `openGraph` wholesale, so each page gets
// the whole set from here rather than inheriting half of it from the layout.

/** Where the social cards live: one for the magazine, one beside each piece. */
export const MAGAZINE_CARD = '/image-sociale.png';
export const pieceCard = (pieceUrl: string) => `${pieceUrl}/image-sociale.png`;
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** A page's social image: its address (relative to the site), size and text alternative. */
export type SocialImage = { url: string; width: number; height: number; alt: string };

/** A piece's social image (og:image, JSON-LD `image`): its cover when it has one, else its drawn card. */
export function pieceImage(piece: PieceSummary): SocialImage {
  if (piece.cover) return { url: piece.cover.src, width: piece.cover.width, height: piece.cover.height, alt: piece.cover.alt };
  return { url: pieceCard(piece.url), ...CARD_SIZE, alt: piece.title };
}

const SITE_NAME = 'Place des Réseaux';
export const SITE_TITLE = 'Place des Réseaux — le webmagazine des entrepreneurs en réseaux';
export const SITE_DESCRIPTION =
  'Méthodes, points de vue d’experts et outils pour développer la démarche réseau des entrepreneurs : interviews et conseils pratiques.';

/** The magazine's feeds, announced by every page that names no feed of its own. */
export const MAGAZINE_FEEDS = {
  'application/rss+xml': [{ url: '/flux/rss.xml', title: 'Place des Réseaux (RSS)' }],
  'application/atom+xml': [{ url: '/flux/atom.xml', title: 'Place des Réseaux (Atom)' }],
  'application/feed+json': [{ url: '/flux/feed.json', title: 'Place des Réseaux (JSON Feed)' }],
};

type PageFields = {
  title?: string;
  description?: string;
  image?: SocialImage;
  openGraph?: Metadata['openGraph'];
  alternates?: Omit<NonNullable<Metadata['alternates']>, 'canonical'>;
};

/** A public page's title, description, canonical URL, OpenGraph and Twitter card. */
export function pageMetadata(path: string, { title, description, image, openGraph, alternates }: PageFields = {}): Metadata {
  const shared = { title: title ?? SITE_TITLE, ...(description && { description }) };
  const { url, width, height, alt } = image ?? { url: MAGAZINE_CARD, ...CARD_SIZE, alt: shared.title };
  return {
    ...(title && { title }),
    ...(description && { description }),
    alternates: { canonical: path, types: MAGAZINE_FEEDS, ...alternates },
    openGraph: { siteName: SITE_NAME, locale: 'fr_FR', type: 'website', url: path, images: [{ url, width, height, alt }], ...shared, ...openGraph },
    twitter: { card: 'summary_large_image', images: [{ url, alt }], ...shared },
  };
}
