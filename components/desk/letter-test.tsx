'use client';

import { useActionState } from 'react';
import { sendTestLetterFromDesk, type DeskState } from './actions';

const initial: DeskState = { message: null, error: false };
// The page these forms are on: their action without JavaScript (an empty action is invalid HTML).
const PERMALINK = '/redaction/lettre';

/** « Renvoyer le test à moi-même »: the next letter of either kind, to the editor's address. */
export function LetterTest() {
  const [state, action, pending] = useActionState(sendTestLetterFromDesk, initial, PERMALINK);
  return (
    <form action={action} className="space-y-3" aria-label="Renvoyer le test à moi-même">
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="kind" value="piece" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
          Renvoyer le test à moi-même : prochaine parution
        </button>
        <button type="submit" name="kind" value="digest" disabled={pending} className="rounded-md border border-line px-4 py-2 font-semibold">
          … : prochain récapitulatif du lundi
        </button>
      </div>
      <p role="status" className={state.error ? 'text-accent' : ''}>{state.message}</p>
    </form>
  );
}
