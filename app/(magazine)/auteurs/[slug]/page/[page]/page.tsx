import type { Metadata } from 'next';
import { AuthorListing } from '@/components/listing/author-listing';
import { laterPage } from '@/components/listing/page-param';
import { getAuthor, getAuthors, prerenderedPageNumbers } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ slug: string; page: string }> };

export async function generateStaticParams() {
  const params = [];
  for (const author of getAuthors()) {
    for (const page of prerenderedPageNumbers((await getAuthor(author.slug))?.pieces.length ?? 0)) params.push({ slug: author.slug, page });
  }
  // The build wants at least one path to check the route with; a page past the end answers 404.
  return params.length > 0 ? params : [{ slug: 'personne', page: '2' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, page } = await params;
  const found = await getAuthor(slug);
  if (!found) return {};
  return pageMetadata(`${found.author.url}/page/${page}`, { title: `${found.author.name} — page ${page}` });
}

export default async function AuthorPageN({ params }: Props) {
  const { slug, page: pageParam } = await params;
  return <AuthorListing slug={slug} page={laterPage(pageParam, `/auteurs/${slug}`)} />;
}
