'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useReader } from '@/components/reader/reader-provider';
import { plural } from '@/lib/format';
import type { PieceTarget } from '@/lib/http/action-context';
import type { LiveComment } from '@/lib/readers/comment-schemas';
import { CommentActions } from './comment-actions';
import { CommentItem } from './comment-item';
import { UsefulButton } from './useful-button';

// The server's copy of a comment (the page's, or a page refreshed since): not the one shown here.
const onPage = (id: string) => [...document.querySelectorAll(`[id="commentaire-${id}"]`)].some((element) => !element.closest('[data-live]'));
const unseen = (list: LiveComment[]) => {
  const kept = list.filter((comment) => !onPage(comment.id));
  return kept.length === list.length ? list : kept;
};

/**
 * « 2 nouveaux commentaires — Afficher »: comments published while the page is open, from the
 * piece's event stream (open only while the tab is visible), inserted in place on click: top
 * comments after the thread, replies under their comment. Nothing without JavaScript.
 */
export function LiveComments({ api, target }: { api: string; target: PieceTarget }) {
  const { editable } = useReader();
  const [waiting, setWaiting] = useState<LiveComment[]>([]);
  const [shown, setShown] = useState<LiveComment[]>([]);

  useEffect(() => {
    let source: EventSource | null = null;
    const receive = (event: MessageEvent<string>) => {
      const comment = JSON.parse(event.data) as LiveComment;
      if (!onPage(comment.id)) setWaiting((list) => (list.some((each) => each.id === comment.id) ? list : [...list, comment]));
    };
    const follow = () => {
      if (document.visibilityState !== 'visible') {
        source?.close();
        source = null;
      } else if (!source || source.readyState === EventSource.CLOSED) {
        source = new EventSource(`${api}/events`);
        source.addEventListener('comment', receive);
      }
    };
    follow();
    document.addEventListener('visibilitychange', follow);
    return () => {
      document.removeEventListener('visibilitychange', follow);
      source?.close();
    };
  }, [api]);

  // After the page's own refresh (the reader wrote a comment), the server's copy wins.
  useEffect(() => {
    const section = document.getElementById('commentaires');
    if (!section) return;
    const observer = new MutationObserver(() => {
      setShown(unseen);
      setWaiting(unseen);
    });
    observer.observe(section, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);

  // The reader's own comment is already on their page, from their form.
  const fresh = waiting.filter((comment) => !editable.some((own) => own.id === comment.id));
  const item = (comment: LiveComment, children?: ReactNode) => (
    <CommentItem
      comment={comment}
      actions={
        <>
          <UsefulButton target={target} commentId={comment.id} useful={comment.useful} />
          <CommentActions target={target} commentId={comment.id} featured={comment.featured} />
        </>
      }
    >
      {children}
    </CommentItem>
  );
  const replies = (list: LiveComment[]) => (
    <ol data-live className="mt-4 space-y-5 border-l-2 border-line pl-4 sm:pl-6">
      {list.map((reply) => <li key={reply.id}>{item(reply)}</li>)}
    </ol>
  );
  const tops = new Set(shown.filter((comment) => !comment.parentId).map((comment) => comment.id));
  const under = new Map<Element, LiveComment[]>();
  const listed: ReactNode[] = [];
  for (const comment of shown) {
    if (!comment.parentId) {
      const own = shown.filter((reply) => reply.parentId === comment.id);
      listed.push(<li key={comment.id}>{item(comment, own.length > 0 && replies(own))}</li>);
      continue;
    }
    if (tops.has(comment.parentId)) continue;
    const slot = document.getElementById(`reponses-live-${comment.parentId}`);
    if (slot) under.set(slot, [...(under.get(slot) ?? []), comment]);
    else listed.push(<li key={comment.id}><p className="mb-1 text-sm text-muted">En réponse à un commentaire plus ancien</p>{item(comment)}</li>);
  }

  return (
    <>
      {listed.length > 0 && <ol data-live className="mt-8 space-y-8">{listed}</ol>}
      {[...under].map(([slot, list]) => createPortal(replies(list), slot, slot.id))}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-10 flex justify-center">
        {fresh.length > 0 && (
          <button
            type="button"
            className="pointer-events-auto rounded-full border border-line bg-paper px-4 py-2 font-semibold shadow-md"
            onClick={() => {
              setShown((list) => [...list, ...fresh]);
              setWaiting([]);
              // The button goes away: the keyboard's focus moves to the first comment it showed.
              setTimeout(() => {
                const element = document.getElementById(`commentaire-${fresh[0]?.id}`);
                element?.setAttribute('tabindex', '-1');
                element?.focus();
              });
            }}
          >
            {plural(fresh.length, 'nouveau commentaire', 'nouveaux commentaires')} — Afficher
          </button>
        )}
      </div>
    </>
  );
}
