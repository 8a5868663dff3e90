import type { Metadata } from 'next';
import { TagListing } from '@/components/listing/tag-listing';
import { getTag, getTags } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ tag: string }> };

export async function generateStaticParams() {
  return (await getTags()).map((tag) => ({ tag: tag.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getTag((await params).tag);
  if (!found) return {};
  return pageMetadata(`/tags/${found.tag.slug}`, {
    title: `Thème : ${found.tag.name}`,
    description: `Les interviews et points de vue d’experts de Place des Réseaux sur le thème « ${found.tag.name} ».`,
    alternates: { types: { 'application/rss+xml': [{ url: `/flux/theme/${found.tag.slug}/rss.xml`, title: `Thème ${found.tag.name} (RSS)` }] } },
  });
}

export default async function TagPage({ params }: Props) {
  return <TagListing slug={(await params).tag} page={1} />;
}
