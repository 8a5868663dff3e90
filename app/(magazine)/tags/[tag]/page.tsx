import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PieceCards } from '@/components/article/piece-cards';
import { authorNames, getTag, getTags } from '@/lib/content';
import { plural } from '@/lib/format';

type Props = { params: Promise<{ tag: string }> };

export async function generateStaticParams() {
  return (await getTags()).map((tag) => ({ tag: tag.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getTag((await params).tag);
  if (!found) return {};
  return {
    title: `Thème : ${found.tag.name}`,
    description: `Les interviews et points de vue d’experts de Place des Réseaux sur le thème « ${found.tag.name} ».`,
    alternates: {
      canonical: `/tags/${found.tag.slug}`,
      types: { 'application/rss+xml': [{ url: `/flux/theme/${found.tag.slug}/rss.xml`, title: `Thème ${found.tag.name} (RSS)` }] },
    },
  };
}

export default async function TagPage({ params }: Props) {
  const found = await getTag((await params).tag);
  if (!found) notFound();
  return (
    <>
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-widest text-accent">Thème</p>
        <h1 className="font-serif text-4xl font-bold">{found.tag.name}</h1>
        <p className="mt-2 text-muted">{plural(found.pieces.length, 'contenu')}</p>
      </header>
      <PieceCards pieces={found.pieces} authors={authorNames()} />
    </>
  );
}
