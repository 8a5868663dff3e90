'use client';

import { useState } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import type { CommentPage, PublicComment } from '@/lib/readers/comment-schemas';
import { CommentThread } from './comment-thread';

type Props = { api: string; cursor: string; target: PieceTarget; fallbackHref: string; open?: boolean };

/** « Voir plus de commentaires »: the next pages, in place; without JavaScript, a page of its own. */
export function LoadMoreComments({ api, cursor: firstCursor, target, fallbackHref, open = true }: Props) {
  const [more, setMore] = useState<PublicComment[]>([]);
  const [cursor, setCursor] = useState<string | null>(firstCursor);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  async function load(event: React.MouseEvent) {
    event.preventDefault();
    if (!cursor || loading) return;
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(`${api}/comments?cursor=${encodeURIComponent(cursor)}`);
      const body = (await response.json()) as CommentPage | { error: { message: string } };
      if ('error' in body) throw new Error(body.error.message);
      setMore((current) => [...current, ...body.comments]);
      setCursor(body.nextCursor);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Les commentaires suivants n’ont pas pu être chargés.');
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      {more.length > 0 && (
        <div className="mt-8">
          <CommentThread comments={more} target={target} open={open} />
        </div>
      )}
      {cursor && (
        <p className="mt-8">
          <a href={`${fallbackHref}?apres=${encodeURIComponent(cursor)}`} onClick={load} className="inline-block rounded-md border border-line px-4 py-2 font-semibold" aria-busy={loading}>
            {loading ? 'Chargement…' : 'Voir plus de commentaires'}
          </a>
        </p>
      )}
      {error && <p role="alert" className="mt-2 text-accent">{error}</p>}
    </>
  );
}
