import type { Metadata } from 'next';

// Every public page names its canonical address and carries a social card: its own for a piece,
// the magazine's for the rest. Next replaces a parent's `openGraph` wholesale, so each page gets
// the whole set from here rather than inheriting half of it from the layout.

/** Where the social cards live: one for the magazine, one beside each piece. */
export const MAGAZINE_CARD = '/image-sociale.png';
export const pieceCard = (pieceUrl: string) => `${pieceUrl}/image-sociale.png`;
export const CARD_SIZE = { width: 1200, height: 630 } as const;

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
  image?: string;
  openGraph?: Metadata['openGraph'];
  alternates?: Omit<NonNullable<Metadata['alternates']>, 'canonical'>;
};

/** A public page's title, description, canonical URL, OpenGraph and Twitter card. */
export function pageMetadata(path: string, { title, description, image = MAGAZINE_CARD, openGraph, alternates }: PageFields = {}): Metadata {
  const shared = { title: title ?? SITE_TITLE, ...(description && { description }) };
  return {
    ...(title && { title }),
    ...(description && { description }),
    alternates: { canonical: path, types: MAGAZINE_FEEDS, ...alternates },
    openGraph: { siteName: SITE_NAME, locale: 'fr_FR', type: 'website', url: path, images: [{ url: image, ...CARD_SIZE, alt: shared.title }], ...shared, ...openGraph },
    twitter: { card: 'summary_large_image', images: [image], ...shared },
  };
}
