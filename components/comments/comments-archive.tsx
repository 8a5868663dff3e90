import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getPiece } from '@/lib/content';
import { sectionFromParam } from '@/lib/content/sections';
import { decodeCursor } from '@/lib/readers/comment-cursor';
import { ApiError } from '@/lib/errors';
import { cachedCommentPage } from '@/lib/readers/piece-cache';
import { UNAVAILABLE } from '@/components/reader/reader-sections';
import { ReaderProvider } from '@/components/reader/reader-provider';
import { CommentThread } from './comment-thread';

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ apres?: string | string[] }> };

/** One page of a piece's comments, after the cursor given in `?apres=`. */
export async function CommentsArchive({ params, searchParams }: Props) {
  const { section: sectionParam, slug } = await params;
  const section = sectionFromParam(sectionParam);
  const found = section ? await getPiece(section, slug) : null;
  if (!found) notFound();
  const { piece } = found;
  const after = (await searchParams).apres;
  const cursor = typeof after === 'string' && after ? after : null;
  try {
    if (cursor) decodeCursor(cursor);
  } catch (error) {
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const page = await cachedCommentPage(piece.key, cursor);
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
          <CommentThread comments={page.comments} target={target} />
          {page.nextCursor && (
            <p className="mt-8">
              <Link href={`${piece.url}/commentaires?apres=${encodeURIComponent(page.nextCursor)}`} className="inline-block rounded-md border border-line px-4 py-2 font-semibold">
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
