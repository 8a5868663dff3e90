'use client';

import { useActionState, useEffect, useState, useTransition } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN, REPORT_DETAILS_MAX, REPORT_REASONS, type ReportReason } from '@/lib/readers/comment-limits';
import { useReader } from '@/components/reader/reader-provider';
import { useHydrated } from '@/components/reader/use-hydrated';
import { deleteOwnComment, editOwnComment, featureFromPage, reportCommentAction, type OwnCommentState, type ReportState } from './actions';
import { CommentForm } from './comment-form';

const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam ou publicité',
  abuse: 'Propos injurieux, haineux ou harcèlement',
  off_topic: 'Hors sujet',
  other: 'Autre raison',
};

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

function ReportForm({ commentId }: { commentId: string }) {
  const [state, action, pending] = useActionState<ReportState, FormData>(reportCommentAction.bind(null, commentId), { status: 'idle', message: null });
  if (state.status === 'done') return <p role="status" className="mt-2 text-sm">{state.message}</p>;
  return (
    <form action={action} className="mt-2 space-y-2 rounded-md border border-line p-3 text-sm" aria-label="Signaler ce commentaire">
      <fieldset>
        <legend className="font-semibold">Pourquoi signalez-vous ce commentaire ?</legend>
        {REPORT_REASONS.map((reason) => (
          <label key={reason} className="block">
            <input type="radio" name="reason" value={reason} required className="mr-2" />
            {REASON_LABELS[reason]}
          </label>
        ))}
      </fieldset>
      <label className="block">
        Précisions <span className="text-muted">(facultatif)</span>
        <textarea name="details" maxLength={REPORT_DETAILS_MAX} rows={2} className="mt-1 w-full rounded-md border border-line bg-paper px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-line px-3 py-1 font-semibold">
        Envoyer le signalement
      </button>
      {state.message && <p role="alert" className="text-accent">{state.message}</p>}
    </form>
  );
}

function EditForm({ commentId, onDone }: { commentId: string; onDone: () => void }) {
  const { remember, editable } = useReader();
  const body = editable.find((own) => own.id === commentId)?.body ?? '';
  // Editing needs JavaScript anyway (only the browser knows its author): a client-side action.
  const [state, action, pending] = useActionState<OwnCommentState, FormData>(async (previous, formData) => {
    const next = await editOwnComment(commentId, previous, formData);
    if (next.status === 'done' && next.comment) {
      remember(next.comment);
      onDone();
    }
    return next;
  }, { status: 'idle', message: null });
  return (
    <form action={action} className="mt-2 space-y-2" aria-label="Modifier votre commentaire">
      <label className="block text-sm font-semibold">
        Votre commentaire
        <textarea name="body" defaultValue={body} required minLength={COMMENT_BODY_MIN} maxLength={COMMENT_BODY_MAX} rows={4} className="mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 font-normal" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-3 py-1 text-sm font-semibold text-accent-ink">
        Enregistrer
      </button>
      {state.status === 'error' && <p role="alert" className="text-sm text-accent">{state.message}</p>}
    </form>
  );
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
      {panel === 'report' && <ReportForm commentId={commentId} />}
      {panel === 'edit' && editable && <EditForm commentId={commentId} onDone={() => setPanel(null)} />}
    </div>
  );
}
