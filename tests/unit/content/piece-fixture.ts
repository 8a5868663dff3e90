import type { PieceSummary } from '@/lib/content/types';
import { slugify } from '@/lib/content/slugify';

/** A published article summary; every field can be overridden. */
export function makePiece(slug: string, overrides: Partial<PieceSummary> = {}): PieceSummary {
  const section = overrides.section ?? 'articles';
  const tags = overrides.tags ?? ['stratégie'];
  return {
    key: `${section}/${slug}`,
    section,
    slug,
    url: `/${section}/${slug}`,
    sourceFile: `${section}/${slug}.mdx`,
    title: `Titre ${slug}`,
    summary: 'Résumé',
    date: '2026-11-01T23:00:00Z',
    tags,
    tagSlugs: tags.map(slugify),
    author: 'la-redaction',
    draft: false,
    readingTime: 4,
    ...overrides,
  };
}
