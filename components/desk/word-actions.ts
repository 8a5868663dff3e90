'use server';

import { revalidatePath } from 'next/cache';
import { requireEditor } from '@/lib/http/editor-access';
import { actionError } from '@/lib/http/action-context';
import { parseInput } from '@/lib/http/api';
import { wordListsInputSchema } from '@/lib/desk/moderation-schemas';
import { setWordLists } from '@/lib/desk/word-lists';

/** What the word lists' form shows after a save: its message, and the text as sent when it was refused. */
export type WordListsState = { message: string | null; error: boolean; refused?: string; review?: string };

const FIELD_NAMES: Record<string, string> = { refused: 'Termes refusés', review: 'Termes à vérifier' };

// One term a line; blank lines only separate.
const terms = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** « Listes de mots »: both lists, as the two fields hold them, replaced at once. */
export async function saveWordListsFromDesk(_previous: WordListsState, formData: FormData): Promise<WordListsState> {
  const refused = String(formData.get('refused') ?? '');
  const review = String(formData.get('review') ?? '');
  try {
    const editor = await requireEditor();
    const lists = await setWordLists(parseInput(wordListsInputSchema, { refused: terms(refused), review: terms(review) }), editor);
    revalidatePath('/redaction/mots');
    return { message: `Listes enregistrées : ${lists.refused.length} terme(s) refusé(s), ${lists.review.length} à vérifier. Elles valent dès maintenant.`, error: false };
  } catch (error) {
    const { message, field } = actionError(error);
    const list = field?.split('.')[0] ?? '';
    return { message: FIELD_NAMES[list] ? `${FIELD_NAMES[list]} : ${message}` : message, error: true, refused, review };
  }
}
