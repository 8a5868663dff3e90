'use server';

import { redirect } from 'next/navigation';
import { deleteAccount, renameAccount } from '@/lib/accounts/account-changes';
import { actionError } from '@/lib/http/action-context';
import { currentAccount } from '@/lib/accounts/session';
import { ApiError } from '@/lib/errors';
import { parseInput } from '@/lib/http/api';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { displayNameSchema } from '@/lib/accounts/account-schemas';

export type AccountState = { message: string | null; error: boolean };

async function signedIn() {
  const account = await currentAccount();
  if (!account) throw new ApiError('not_signed_in', 'Votre session a expiré : reconnectez-vous.');
  return account;
}

/** « Mon compte »: the display name of the reader's comments. */
export async function changeDisplayName(_previous: AccountState, formData: FormData): Promise<AccountState> {
  try {
    const account = await signedIn();
    const { name } = parseInput(displayNameSchema, { name: formData.get('name') });
    for (const piece of await renameAccount(account.id, name)) revalidatePiece(piece);
    return { message: 'Votre nom est enregistré ; vos commentaires le portent désormais.', error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}

/** « Supprimer mon compte »: after the reader typed SUPPRIMER. */
export async function deleteOwnAccount(_previous: AccountState, formData: FormData): Promise<AccountState> {
  try {
    const account = await signedIn();
    if (formData.get('confirmation') !== 'SUPPRIMER') {
      return { message: 'Tapez SUPPRIMER en capitales pour confirmer.', error: true };
    }
    for (const piece of await deleteAccount(account.id)) revalidatePiece(piece);
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
  redirect('/?compte=supprime');
}
