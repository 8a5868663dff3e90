'use client';

import { signOut } from 'next-auth/react';
import { useActionState } from 'react';
import { AUTHOR_NAME_MAX } from '@/lib/readers/comment-limits';
import { changeDisplayName, deleteOwnAccount, type AccountState } from './actions';

const initial: AccountState = { message: null, error: false };

export function DisplayNameForm({ name }: { name: string | null }) {
  const [state, action, pending] = useActionState(changeDisplayName, initial);
  return (
    <form action={action} className="space-y-3" aria-label="Nom affiché">
      <label htmlFor="name" className="block font-semibold">
        Nom affiché sur vos commentaires
      </label>
      <input id="name" name="name" required maxLength={AUTHOR_NAME_MAX} defaultValue={name ?? ''} className="w-full rounded-md border border-line bg-paper px-3 py-2" />
      <button type="submit" disabled={pending} className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
        Enregistrer
      </button>
      <p role="status" className={state.error ? 'text-accent' : ''}>{state.message}</p>
    </form>
  );
}

export function SignOutButton() {
  return (
    <button type="button" onClick={() => void signOut({ callbackUrl: '/' })} className="rounded-md border border-line px-4 py-2 font-semibold">
      Se déconnecter
    </button>
  );
}

export function DeleteAccountForm() {
  const [state, action, pending] = useActionState(deleteOwnAccount, initial);
  return (
    <form action={action} className="space-y-3" aria-label="Supprimer mon compte">
      <p>
        Vos commentaires resteront, signés « Lecteur supprimé », sans votre e-mail ; vos notes resteront dans les moyennes, anonymes ; votre inscription à la lettre, s’il y en a une, est effacée. Cette action est définitive.
      </p>
      <label htmlFor="confirmation" className="block font-semibold">
        Tapez SUPPRIMER pour confirmer
      </label>
      <input id="confirmation" name="confirmation" required autoComplete="off" className="w-full rounded-md border border-line bg-paper px-3 py-2" />
      <button type="submit" disabled={pending} className="rounded-md border border-accent px-4 py-2 font-semibold text-accent">
        Supprimer mon compte
      </button>
      {state.message && <p role="alert" className="text-accent">{state.message}</p>}
    </form>
  );
}
