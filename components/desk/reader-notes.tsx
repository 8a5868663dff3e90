'use client';

import { useActionState } from 'react';
import { readerHistoryPath } from '@/lib/desk/reader-link';
import { noteFromDesk, type DraftState } from './reader-actions';

const initial: DraftState = { message: null, error: false, draft: {} };

/** « Ajouter une note » about a reader, for the editors only. */
export function ReaderNoteForm({ commentId }: { commentId: string }) {
  const [state, action, pending] = useActionState(noteFromDesk, initial, readerHistoryPath(commentId));
  return (
    <form action={action} className="max-w-xl space-y-2 text-sm" aria-label="Ajouter une note sur ce lecteur">
      <input type="hidden" name="commentId" value={commentId} />
      <label className="block">
        Nouvelle note (visible de la rédaction seule)
        <textarea name="text" required maxLength={2000} rows={3} defaultValue={state.draft.text} className="mt-1 block w-full rounded border border-line bg-paper px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-accent px-3 py-1 font-semibold text-accent">
        Ajouter la note
      </button>
      {state.message && <p role="status" className={state.error ? 'text-accent' : ''}>{state.message}</p>}
    </form>
  );
}
