import Link from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { getPiece } from '@/lib/content';
import { sectionFromParam } from '@/lib/content/sections';
import { cursorPosition } from '@/lib/readers/comment-cursor';
import { ApiError, MESSAGES } from '@/lib/errors';
import { sortFromParam, SORT_PARAMS } from '@/lib/readers/comment-sorts';
import { cachedCommentPage } from '@/lib/readers/piece-cache';
import { UNAVAILABLE } from '@/components/reader/reader-sections';
import { ReaderProvider } from '@/components/reader/reader-provider';
import { CommentSortLinks } from './comment-sort';
import { CommentThread } from './comment-thread';

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ apres?: string | string[]; tri?: string | string[] }> };

/** One page of a piece's comments in the order of `?tri=`, after the cursor given in `?apres=`. */
export async function CommentsArchive({ params, searchParams }: Props) {
  const { section: sectionParam, slug } = await params;
  const section = sectionFromParam(sectionParam);
  const found = section ? await getPiece(section, slug) : null;
  if (!found) notFound();
  const { piece } = found;
  const { apres: after, tri } = await searchParams;
  const cursor = typeof after === 'string' && after ? after : null;
  const sort = sortFromParam(tri);
  if (!sort) notFound();
  try {
    if (cursor) cursorPosition(cursor, sort);
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const page = await cachedCommentPage(piece.key, cursor, sort);
  const order = sort === 'oldest' ? '' : `tri=${SORT_PARAMS[sort]}&`;
  const target = { section: piece.section, slug: piece.slug };
  return (
    <section aria-labelledby="commentaires-titre">
      <p className="text-sm">
        <Link href={`${piece.url}#commentaires`} className="underline underline-offset-4">
          ← Retour à « {piece.title} »
        </Link>
      </p>
      <h1 id="commentaires-titre" className="my-6 font-serif text-3xl font-bold">
        Commentaires sur « {piece.title} »
      </h1>
      {page ? (
        <ReaderProvider api={`/api/pieces/${piece.key}`} formToken="">
          {page.count > 1 && <CommentSortLinks pieceUrl={piece.url} current={sort} />}
          {!page.open && <p role="status" className="mb-6 rounded-md border border-line p-3 font-semibold">{MESSAGES.commentsClosed}</p>}
          <CommentThread comments={page.comments} target={target} open={page.open} />
          {page.nextCursor && (
            <p className="mt-8">
              <Link href={`${piece.url}/commentaires?${order}apres=${encodeURIComponent(page.nextCursor)}`} className="inline-block rounded-md border border-line px-4 py-2 font-semibold">
                Commentaires suivants
              </Link>
            </p>
          )}
        </ReaderProvider>
      ) : (
        <p role="status">{UNAVAILABLE}</p>
      )}
    </section>
  );
}
