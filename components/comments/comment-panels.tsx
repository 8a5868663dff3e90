'use client';

import { useActionState } from 'react';
import { useReader } from '@/components/reader/reader-provider';
import { COMMENT_BODY_MAX, COMMENT_BODY_MIN, REPORT_DETAILS_MAX, REPORT_REASONS, type ReportReason } from '@/lib/readers/comment-limits';
import { editOwnComment, reportCommentAction, type OwnCommentState, type ReportState } from './actions';

// The panels that CommentActions opens under a comment, loaded when a reader first opens one.

const REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam ou publicité',
  abuse: 'Propos injurieux, haineux ou harcèlement',
  off_topic: 'Hors sujet',
  other: 'Autre raison',
};

/** « Signaler » : a reason, optional details, sent to the desk. */
export function ReportForm({ commentId }: { commentId: string }) {
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

/** « Modifier » : the author's own comment, while it may still be edited. */
export function EditForm({ commentId, onDone }: { commentId: string; onDone: () => void }) {
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
