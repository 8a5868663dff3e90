'use client';

import { useActionState } from 'react';
import { setCommentsFromDesk, type DeskState } from './actions';

const initial: DeskState = { message: null, error: false };
// The page these forms are on: their action without JavaScript (an empty action is invalid HTML).
const PERMALINK = '/redaction/contenus';

/** « Contenus »: whether a piece takes comments, and the button that turns it over at once. */
export function CommentsSwitch({ piece, title, open, byEditor }: { piece: string; title: string; open: boolean; byEditor: boolean }) {
  const [state, action, pending] = useActionState(setCommentsFromDesk, initial, PERMALINK);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Commentaires de « ${title} »`}>
      <span>{open ? 'Ouverts' : 'Fermés'}{byEditor ? ' (rédaction)' : ''}</span>
      <input type="hidden" name="piece" value={piece} />
      <input type="hidden" name="comments" value={open ? 'closed' : 'open'} />
      <button type="submit" disabled={pending} className="rounded-md border border-line px-2 py-0.5 text-xs font-semibold">
        {open ? 'Fermer' : 'Rouvrir'}
      </button>
      {state.error && <span role="alert" className="text-accent">{state.message}</span>}
    </form>
  );
}
