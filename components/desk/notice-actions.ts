'use server';

import { revalidatePath } from 'next/cache';
import { decideNotice } from '@/lib/desk/notices';
import { noticeDecisionInputSchema } from '@/lib/desk/notice-schemas';
import { actionError } from '@/lib/http/action-context';
import { parseInput } from '@/lib/http/api';
import { requireEditor } from '@/lib/http/editor-access';
import type { DeskState } from './actions';

/** « Notification DSA »: the editor's decision, with the same schema as POST /api/moderation/notices/{id}/decision. */
export async function decideNoticeFromDesk(_previous: DeskState, formData: FormData): Promise<DeskState> {
  try {
    const editor = await requireEditor();
    const noticeId = String(formData.get('notice') ?? '');
    const article = formData.get('article');
    const input = parseInput(noticeDecisionInputSchema, { decision: formData.get('decision') ?? undefined, explanation: formData.get('explanation') ?? undefined, ...(formData.get('decision') === 'charter' && article ? { article } : {}) });
    const decided = await decideNotice(noticeId, input, editor);
    revalidatePath('/redaction');
    return { message: `Notification ${decided.reference} décidée ; la personne qui l’a envoyée est prévenue.`, error: false };
  } catch (error) {
    return { message: actionError(error).message, error: true };
  }
}
