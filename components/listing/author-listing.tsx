import { notFound } from 'next/navigation';
import { MdxContent } from '@/components/article/mdx-content';
import { Pagination } from '@/components/article/pagination';
import { PieceCards } from '@/components/article/piece-cards';
import { Portrait } from '@/components/article/pictures';
import { authorNames, getAuthor, paginate } from '@/lib/content';
import { plural } from '@/lib/format';

/** One page of an author: the bio (on the first page), then their pieces, ten a page; 404 past the end. */
export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const found = await getAuthor(slug);
  const current = found && paginate(found.pieces, page);
  if (!found || !current) notFound();
  const { author, pieces } = found;
  return (
    <>
      <header className="mb-10 max-w-3xl">
        <div className="flex items-center gap-5">
          {author.portrait && <Portrait portrait={author.portrait} size="large" />}
          <div>
            <p className="text-sm font-semibold uppercase tracking-widest text-accent">Auteur</p>
            <h1 className="font-serif text-4xl font-bold">{author.name}</h1>
            <p className="mt-1 text-muted">{author.role}</p>
          </div>
        </div>
        {current.page === 1 && (
          <div className="prose mt-4">
            <MdxContent code={author.bioCode} />
          </div>
        )}
      </header>
      <h2 className="mb-6 font-serif text-2xl font-bold">
        {plural(pieces.length, 'contenu publié', 'contenus publiés')}
        {current.pageCount > 1 && <span className="text-lg font-normal text-muted"> · page {current.page} sur {current.pageCount}</span>}
      </h2>
      <PieceCards pieces={current.items} authors={authorNames()} headingLevel="h3" />
      <Pagination page={current.page} pageCount={current.pageCount} basePath={author.url} />
    </>
  );
}
