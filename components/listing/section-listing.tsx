import { notFound } from 'next/navigation';
import { Pagination } from '@/components/article/pagination';
import { PieceCards } from '@/components/article/piece-cards';
import { authorNames, getPublishedPieces, paginate } from '@/lib/content';
import { SECTION_INFO } from '@/lib/content/sections';
import type { Section } from '@/lib/content';

/** One page of a section: newest pieces first, ten a page. */
export async function SectionListing({ section, page }: { section: Section; page: number }) {
  const info = SECTION_INFO[section];
  const current = paginate(await getPublishedPieces(section), page);
  if (!current) notFound();
  return (
    <>
      <header className="mb-10">
        <h1 className="font-serif text-4xl font-bold">{info.title}</h1>
        <p className="mt-2 text-lg text-muted">{info.description}</p>
        {current.pageCount > 1 && (
          <p className="mt-1 text-sm text-muted">
            Page {current.page} sur {current.pageCount}
          </p>
        )}
      </header>
      {current.items.length === 0 ? (
        <p>Aucun contenu publié pour l’instant dans cette rubrique.</p>
      ) : (
        <PieceCards pieces={current.items} authors={authorNames()} />
      )}
      <Pagination page={current.page} pageCount={current.pageCount} basePath={info.path} />
    </>
  );
}
