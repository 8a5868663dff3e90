import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { MdxContent } from '@/components/article/mdx-content';
import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import { PieceFooter } from '@/components/article/piece-footer';
import { PieceHeader } from '@/components/article/piece-header';
import { PieceCover } from '@/components/article/lead-pictures';
import { ShareLinks } from '@/components/article/share-links';
import { TableOfContents } from '@/components/article/table-of-contents';
import { PieceReaders } from '@/components/reader/piece-readers';
import { getPiece, prerenderedPieceParams } from '@/lib/content';
import { sectionFromParam } from '@/lib/content/sections';
import { pageMetadata, pieceImage } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ section: string; slug: string }> };

// The newest pieces are prerendered; an older one is rendered on its first visit and cached, so
// the build's time and memory stop growing with the archive (PRERENDER_PIECES).
export async function generateStaticParams() {
  return prerenderedPieceParams();
}

// Metadata and page ask for the same piece: read it once per request.
const findPiece = cache(async (sectionParam: string, slug: string) => {
  const section = sectionFromParam(sectionParam);
  return section ? getPiece(section, slug) : null;
});

async function load(params: Props['params']) {
  const { section, slug } = await params;
  return findPiece(section, slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { piece } = found;
  return pageMetadata(piece.url, {
    title: piece.title,
    description: piece.summary,
    image: pieceImage(piece),
    openGraph: {
      type: 'article',
      publishedTime: piece.date,
      modifiedTime: piece.updated ?? piece.date,
      tags: piece.tags,
      authors: found.author ? [found.author.name] : undefined,
    },
  });
}

export default async function PiecePage({ params }: Props) {
  const found = await load(params);
  if (!found) notFound();
  const { piece, author, related, previous, next } = found;
  return (
    <article>
      {piece.preview && (
        <p role="status" className="mb-6 rounded-md border-2 border-accent p-3 font-semibold text-accent">
          Aperçu : ce contenu n’est pas encore publié ({piece.draft ? 'brouillon' : 'programmé'}).{' '}
          <a href={`/api/preview/stop?retour=${encodeURIComponent(piece.url)}`} className="underline">
            Quitter l’aperçu
          </a>
        </p>
      )}
      <PieceHeader piece={piece} author={author} />
      {piece.cover && <PieceCover cover={piece.cover} />}
      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
        <div className={`prose prose-lg max-w-none font-serif [&>p:first-child]:text-xl ${piece.interviewee ? 'interview-body' : ''}`}>
          <MdxContent code={piece.bodyCode} />
          {/* The end of the text: the audience counts a read to the end when it comes into view. */}
          <div data-fin-du-texte={piece.url} />
        </div>
        <aside className="order-first lg:order-none">
          <div className="lg:sticky lg:top-6">
            <TableOfContents entries={piece.toc} />
          </div>
        </aside>
      </div>
      <ShareLinks path={piece.url} title={piece.title} />
      <PieceReaders piece={piece} author={author} />
      <NewsletterBox />
      <PieceFooter related={related} previous={previous} next={next} />
    </article>
  );
}
