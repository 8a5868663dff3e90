import type { Metadata } from 'next';
import { AuthorListing } from '@/components/listing/author-listing';
import { getAuthor, getAuthors } from '@/lib/content';

type Props = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return getAuthors().map((author) => ({ slug: author.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getAuthor((await params).slug);
  if (!found) return {};
  return { title: found.author.name, description: found.author.role, alternates: { canonical: found.author.url } };
}

export default async function AuthorPage({ params }: Props) {
  return <AuthorListing slug={(await params).slug} page={1} />;
}
