'use server';

import { revalidatePath } from 'next/cache';
import { sendDeskMessage } from '@/lib/desk/messages';
import { addReaderNote } from '@/lib/desk/reader-history';
import { deskMessageInputSchema, readerNoteInputSchema } from '@/lib/desk/reader-tools-schemas';
import { parseInput } from '@/lib/http/api';
import { actionError } from '@/lib/http/action-context';
import { requireEditor } from '@/lib/http/editor-access';

/** A form's answer, with what was typed: kept in the fields when the action refused it. */
export type DraftState = { message: string | null; error: boolean; draft: Record<string, string> };

const DECIDED: Record<string, string> = { reject: 'Commentaire rejeté.', delete: 'Commentaire supprimé.', spam: 'Commentaire classé comme spam.', approve: 'Commentaire approuvé.' };
const field = (formData: FormData, name: string) => String(formData.get(name) ?? '');

/** « Écrire à l’auteur »: the desk's message to a comment's author, with a decision or none. */
export async function messageFromDesk(_previous: DraftState, formData: FormData): Promise<DraftState> {
  const draft = { subject: field(formData, 'subject'), text: field(formData, 'text'), action: field(formData, 'action') };
  try {
    const editor = await requireEditor();
    const input = parseInput(deskMessageInputSchema, { commentId: field(formData, 'commentId'), subject: draft.subject, text: draft.text, action: draft.action || undefined });
    const { message, decisions } = await sendDeskMessage(input, editor);
    revalidatePath('/redaction', 'layout');
    const decided = decisions[0] ? ` ${DECIDED[decisions[0].action] ?? ''}` : '';
    return { message: `Message envoyé à ${message.recipient}.${decided}`, error: false, draft: {} };
  } catch (error) {
    return { message: actionError(error).message, error: true, draft };
  }
}

/** « Ajouter une note » in a reader's history. */
export async function noteFromDesk(_previous: DraftState, formData: FormData): Promise<DraftState> {
  const draft = { text: field(formData, 'text') };
  try {
    const editor = await requireEditor();
    const { commentId, text } = parseInput(readerNoteInputSchema, { commentId: field(formData, 'commentId'), text: draft.text });
    await addReaderNote(commentId, text, editor);
    revalidatePath('/redaction/lecteurs');
    return { message: 'Note ajoutée.', error: false, draft: {} };
  } catch (error) {
    return { message: actionError(error).message, error: true, draft };
  }
}
