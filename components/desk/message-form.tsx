'use client';

import { useActionState } from 'react';
import { messageFromDesk, type DraftState } from './reader-actions';

const initial: DraftState = { message: null, error: false, draft: {} };
const field = 'mt-1 block w-full rounded border border-line bg-paper px-2 py-1';

/** « Écrire à l’auteur »: a message from the desk (Reply-To the desk), with a decision or none. */
export function MessageForm({ commentId, author, permalink }: { commentId: string; author: string; permalink: string }) {
  const [state, action, pending] = useActionState(messageFromDesk, initial, permalink);
  return (
    <details className="text-sm" open={state.message ? true : undefined}>
      <summary className="cursor-pointer text-muted">
        Écrire à l’auteur<span className="sr-only"> : {author}</span>
      </summary>
      <form action={action} className="mt-2 max-w-xl space-y-2" aria-label={`Écrire à ${author}`}>
        <input type="hidden" name="commentId" value={commentId} />
        <label className="block">
          Objet
          <input name="subject" required maxLength={150} defaultValue={state.draft.subject} className={field} />
        </label>
        <label className="block">
          Message
          <textarea name="text" required maxLength={5000} rows={5} defaultValue={state.draft.text} className={field} />
        </label>
        <div className="flex flex-wrap items-end gap-3">
          <label>
            et :
            <select name="action" defaultValue={state.draft.action ?? ''} className="ml-1 rounded border border-line bg-paper px-1 py-0.5">
              <option value="">ne rien décider</option>
              <option value="reject">rejeter</option>
              <option value="delete">supprimer</option>
            </select>
          </label>
          <button type="submit" disabled={pending} className="rounded-md border border-accent px-3 py-1 font-semibold text-accent">
            Envoyer
          </button>
        </div>
        {state.message && <p role="status" className={state.error ? 'text-accent' : ''}>{state.message}</p>}
      </form>
    </details>
  );
}
