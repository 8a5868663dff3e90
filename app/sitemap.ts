import type { MetadataRoute } from 'next';
import { getAuthors, getPublishedPieces, getTags, SECTIONS } from '@/lib/content';
import { SECTION_INFO } from '@/lib/content/sections';
import { env } from '@/lib/env';

const absolute = (path: string) => new URL(path, env.SITE_URL).href;

/** Every published piece, section, tag and author page, and the ranking. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const pieces = await getPublishedPieces();
  const latest = (list: typeof pieces) => (list[0] ? new Date(list[0].updated ?? list[0].date) : undefined);
  return [
    { url: absolute('/'), lastModified: latest(pieces) },
    ...SECTIONS.map((section) => ({ url: absolute(SECTION_INFO[section].path), lastModified: latest(pieces.filter((piece) => piece.section === section)) })),
    { url: absolute('/les-plus-apprecies') },
    ...pieces.map((piece) => ({ url: absolute(piece.url), lastModified: new Date(piece.updated ?? piece.date) })),
    ...(await getTags()).map((tag) => ({ url: absolute(`/tags/${tag.slug}`), lastModified: latest(pieces.filter((piece) => piece.tagSlugs.includes(tag.slug))) })),
    ...getAuthors().map((author) => ({ url: absolute(author.url), lastModified: latest(pieces.filter((piece) => piece.author === author.slug)) })),
  ];
}
