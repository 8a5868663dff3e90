'use client';

import { lazy, Suspense, useEffect, useState, useTransition } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import { useReader } from '@/components/reader/reader-provider';
import { useHydrated } from '@/components/reader/use-hydrated';
import { deleteOwnComment, featureFromPage, type OwnCommentState } from './actions';
import { CommentForm } from './comment-form';

// The report and edit forms, fetched when a reader first opens one (a chunk of their own): few
// readers report or edit, and every reader's phone would parse them with the page.
const ReportForm = lazy(() => import('./comment-panels').then((module) => ({ default: module.ReportForm })));
const EditForm = lazy(() => import('./comment-panels').then((module) => ({ default: module.EditForm })));

type Panel = 'reply' | 'report' | 'edit' | null;
const button = 'text-sm font-medium text-muted underline-offset-4 hover:text-ink hover:underline';

function useStillEditable(id: string): boolean {
  const { editable } = useReader();
  const until = editable.find((own) => own.id === id)?.until;
  // Not read on the server: the page is prerendered (Next refuses the clock in a prerendered
  // client component, and the regeneration after a new comment would fail), and the server
  // knows no reader's editable comments anyway (they come with the reader's state, in the browser).
  const [now, setNow] = useState(() => (typeof window === 'undefined' ? 0 : Date.now()));
  useEffect(() => {
    if (!until) return;
    const left = Date.parse(until) - Date.now();
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, left) + 100);
    return () => clearTimeout(timer);
  }, [until]);
  return Boolean(until && Date.parse(until) > now);
}

type Props = { target: PieceTarget; commentId: string; featured?: boolean; canReply?: boolean };

/**
 * Under a comment: reply (while comments are open) and report for everyone; edit and delete for
 * its author, 15 minutes long; « Coup de cœur » for an editor.
 */
export function CommentActions({ target, commentId, featured = false, canReply = true }: Props) {
  const hydrated = useHydrated();
  const editable = useStillEditable(commentId);
  const { forget, account } = useReader();
  const [featuring, startFeaturing] = useTransition();
  const [featureMessage, setFeatureMessage] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [confirming, setConfirming] = useState(false);
  const [deletion, setDeletion] = useState<OwnCommentState | null>(null);
  const [deleting, startDeleting] = useTransition();
  // Without JavaScript these buttons could do nothing: they appear once the page is interactive.
  if (!hydrated) return null;
  const toggle = (next: Panel) => setPanel((current) => (current === next ? null : next));
  const remove = () =>
    startDeleting(async () => {
      const result = await deleteOwnComment(commentId);
      setDeletion(result);
      if (result.status === 'done') forget(commentId);
    });
  const feature = () =>
    startFeaturing(async () => {
      const result = await featureFromPage(commentId, !featured);
      setFeatureMessage(result.status === 'error' ? result.message : null);
    });
  return (
    <div className="mt-2">
      <div className="flex flex-wrap gap-4">
        {canReply && (
          <button type="button" className={button} aria-expanded={panel === 'reply'} onClick={() => toggle('reply')}>
            Répondre
          </button>
        )}
        <button type="button" className={button} aria-expanded={panel === 'report'} onClick={() => toggle('report')}>
          Signaler
        </button>
        {editable && (
          <>
            <button type="button" className={button} aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
              Modifier
            </button>
            <button type="button" className={button} disabled={deleting} onClick={() => (confirming ? remove() : setConfirming(true))}>
              {confirming ? 'Confirmer la suppression' : 'Supprimer'}
            </button>
          </>
        )}
        {account?.isEditor && (
          <button type="button" className={button} disabled={featuring} aria-pressed={featured} onClick={feature}>
            {featured ? 'Retirer le coup de cœur' : 'Coup de cœur'}
          </button>
        )}
      </div>
      {featureMessage && <p role="alert" className="mt-1 text-sm text-accent">{featureMessage}</p>}
      {deletion?.status === 'error' && <p role="alert" className="mt-1 text-sm text-accent">{deletion.message}</p>}
      {/* Kept open if the piece closes meanwhile: its answer says so, and the reply's text stays. */}
      {panel === 'reply' && (
        <div className="mt-3 border-l-2 border-line pl-4">
          <CommentForm target={target} parentId={commentId} heading="Répondre à ce commentaire" onDone={() => setPanel(null)} />
        </div>
      )}
      <Suspense fallback={<p className="mt-2 text-sm text-muted">Chargement…</p>}>
        {panel === 'report' && <ReportForm commentId={commentId} />}
        {panel === 'edit' && editable && <EditForm commentId={commentId} onDone={() => setPanel(null)} />}
      </Suspense>
    </div>
  );
}
