'use client';

import { useActionState } from 'react';
import { saveWordListsFromDesk, type WordListsState } from './word-actions';

const initial: WordListsState = { message: null, error: false };

const field = 'mt-1 block w-full rounded border border-line bg-paper px-2 py-1 font-mono text-sm';

/** The two lists, one term a line, saved together. */
export function WordListsForm({ refused, review }: { refused: string[]; review: string[] }) {
  const [state, action, pending] = useActionState(saveWordListsFromDesk, initial, '/redaction/mots');
  return (
    <form action={action} className="space-y-6" aria-label="Listes de mots">
      <div className="grid gap-6 md:grid-cols-2">
        <label className="block text-sm font-semibold">
          Termes refusés ({refused.length})
          <span className="block font-normal text-muted">Le commentaire est enregistré comme rejeté ; son auteur lit que la rédaction n’accepte pas un de ses termes, sans le terme.</span>
          <textarea name="refused" rows={14} defaultValue={state.error ? state.refused : refused.join('\n')} key={`refused-${state.message ?? ''}`} className={field} spellCheck={false} />
        </label>
        <label className="block text-sm font-semibold">
          Termes à vérifier ({review.length})
          <span className="block font-normal text-muted">Le commentaire attend la rédaction dans la file, avec le terme en cause, même en post-modération.</span>
          <textarea name="review" rows={14} defaultValue={state.error ? state.review : review.join('\n')} key={`review-${state.message ?? ''}`} className={field} spellCheck={false} />
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-paper">
          Enregistrer les deux listes
        </button>
        <p role={state.error ? 'alert' : 'status'} className={`text-sm ${state.error ? 'text-accent' : ''}`}>
          {state.message}
        </p>
      </div>
    </form>
  );
}
