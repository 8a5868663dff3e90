import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MdxContent } from '@/components/article/mdx-content';
import { PieceCards } from '@/components/article/piece-cards';
import { authorNames, getAuthor, getAuthors } from '@/lib/content';
import { plural } from '@/lib/format';

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
  const found = await getAuthor((await params).slug);
  if (!found) notFound();
  const { author, pieces } = found;
  return (
    <>
      <header className="mb-10 max-w-3xl">
        <p className="text-sm font-semibold uppercase tracking-widest text-accent">Auteur</p>
        <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
        <p className="mt-1 text-muted">{author.role}</p>
        <div className="prose mt-4">
          <MdxContent code={author.bioCode} />
        </div>
      </header>
      <h2 className="mb-6 font-serif text-2xl font-bold">{plural(pieces.length, 'contenu publié', 'contenus publiés')}</h2>
      <PieceCards pieces={pieces} authors={authorNames()} headingLevel="h3" />
    </>
  );
}
