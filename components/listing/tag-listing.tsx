import { notFound } from 'next/navigation';
import { Pagination } from '@/components/article/pagination';
import { PieceCards } from '@/components/article/piece-cards';
import { authorNames, getTag, paginate } from '@/lib/content';
import { plural } from '@/lib/format';

/** One page of a tag: the pieces that carry it, newest first, ten a page; 404 past the end. */
export async function TagListing({ slug, page }: { slug: string; page: number }) {
  const found = await getTag(slug);
  const current = found && paginate(found.pieces, page);
  if (!found || !current) notFound();
  return (
    <>
      <header className="mb-10">
        <p className="text-sm font-semibold uppercase tracking-widest text-accent">Thème</p>
        <h1 className="font-serif text-4xl font-bold">{found.tag.name}</h1>
        <p className="mt-2 text-muted">
          {plural(found.pieces.length, 'contenu')}
          {current.pageCount > 1 && ` · page ${current.page} sur ${current.pageCount}`}
        </p>
      </header>
      <PieceCards pieces={current.items} authors={authorNames()} />
      <Pagination page={current.page} pageCount={current.pageCount} basePath={`/tags/${found.tag.slug}`} />
    </>
  );
}
