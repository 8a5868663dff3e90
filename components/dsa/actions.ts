'use server';

import { actionError, actionReader } from '@/lib/http/action-context';
import { parseInput, writerOf } from '@/lib/http/api';
import { commentIdOf } from '@/lib/http/path-params';
import { noticeInputSchema } from '@/lib/desk/notice-schemas';
import { noticeAs } from '@/lib/readers/writes';

export type NoticeFormState = {
  status: 'idle' | 'done' | 'error';
  message: string | null;
  field?: string;
  reference?: string;
  /** What the notifier typed, given back when the notice was refused (the form works without JavaScript). */
  values?: { ground: string; explanation: string; name: string; email: string; goodFaith: boolean };
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
};

/** « Signaler un contenu illicite »: the same checks and service as POST /api/comments/{id}/notices. */
export async function submitNotice(commentId: string, _previous: NoticeFormState, formData: FormData): Promise<NoticeFormState> {
  const values = { ground: text(formData, 'ground'), explanation: text(formData, 'explanation'), name: text(formData, 'name'), email: text(formData, 'email'), goodFaith: formData.get('goodFaith') === 'on' };
  try {
    const id = commentIdOf(commentId);
    const input = parseInput(noticeInputSchema, { ...values, goodFaith: values.goodFaith || undefined });
    const reader = await actionReader({ create: true });
    const notice = await noticeAs(writerOf(reader), id, input);
    return { status: 'done', message: `Votre notification est enregistrée sous la référence ${notice.reference}. Un accusé de réception vient de partir à votre adresse ; la décision de la rédaction vous y sera envoyée.`, reference: notice.reference };
  } catch (error) {
    return { status: 'error', ...actionError(error), values };
  }
}
