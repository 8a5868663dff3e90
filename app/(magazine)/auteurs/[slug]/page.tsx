import type { Metadata } from 'next';
import { AuthorListing } from '@/components/listing/author-listing';
import { getAuthor, getAuthors } from '@/lib/content';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getAuthors().map((author) => ({ slug: author.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getAuthor((await params).slug);
  if (!found) return {};
  return pageMetadata(found.author.url, { title: found.author.name, description: found.author.role });
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
