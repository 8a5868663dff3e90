import type { Metadata } from 'next';
import { laterPage } from '@/components/listing/page-param';
import { TagListing } from '@/components/listing/tag-listing';
import { getTag, getTags, prerenderedPageNumbers } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ tag: string; page: string }> };

export async function generateStaticParams() {
  const params = (await getTags()).flatMap((tag) => prerenderedPageNumbers(tag.count).map((page) => ({ tag: tag.slug, page })));
  // The build wants at least one path to check the route with; a page past the end answers 404.
  return params.length > 0 ? params : [{ tag: 'aucun', page: '2' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tag, page } = await params;
  const found = await getTag(tag);
  if (!found) return {};
  return pageMetadata(`/tags/${found.tag.slug}/page/${page}`, { title: `Thème : ${found.tag.name} — page ${page}` });
}

export default async function TagPageN({ params }: Props) {
  const { tag, page: pageParam } = await params;
  return <TagListing slug={tag} page={laterPage(pageParam, `/tags/${tag}`)} />;
}
