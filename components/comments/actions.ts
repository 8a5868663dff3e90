'use server';

import { actionError, actionReader, refreshPiece, targetPieceKey, type PieceTarget } from '@/lib/http/action-context';
import { deleteComment, editComment } from '@/lib/readers/comments';
import { decide } from '@/lib/desk/decisions';
import { requireEditor } from '@/lib/http/editor-access';
import { commentIdOf } from '@/lib/http/path-params';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { parseInput, writerOf } from '@/lib/http/api';
import { consumeRateLimit } from '@/lib/readers/rate-limits';
import { commentAs, reportAs } from '@/lib/readers/writes';
import { commentEditSchema, commentInputSchema, type OwnComment } from '@/lib/readers/comment-schemas';
import { reportInputSchema } from '@/lib/readers/report-schemas';

const moderation = () => ({ mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS });
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

export type CommentFormState = {
  status: 'idle' | 'published' | 'pending' | 'error';
  message: string | null;
  field?: string;
  /** What the reader typed, given back when the comment was refused (the form works without JavaScript). */
  values?: { author: string; email: string; body: string };
  comment?: OwnComment;
};

/** The comment form: a new comment, or a reply when `parentId` is given. */
export async function submitComment(target: PieceTarget & { parentId?: string }, _previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = { author: text(formData, 'author') ?? '', email: text(formData, 'email') ?? '', body: text(formData, 'body') ?? '' };
  try {
    const pieceKey = await targetPieceKey(target);
    const input = parseInput(commentInputSchema, { ...values, parentId: target.parentId, website: text(formData, 'website'), notify: formData.get('notify') === 'on' });
    const reader = await actionReader({ create: true });
    const writer = writerOf(reader);
    const comment = await commentAs(writer, pieceKey, input, text(formData, 'startedAt') ?? null);
    refreshPiece(pieceKey);
    return {
      status: comment.status,
      message: comment.status === 'published' ? 'Merci, votre commentaire est publié.' : 'Votre commentaire est en attente de modération.',
      comment,
    };
  } catch (error) {
    return { status: 'error', ...actionError(error), values };
  }
}

export type OwnCommentState = { status: 'idle' | 'done' | 'error'; message: string | null; comment?: OwnComment };

function ownReader(readerKey: string | null): string {
  if (!readerKey) throw new ApiError('not_author', 'Seul l’auteur d’un commentaire peut le modifier ou le supprimer, depuis le navigateur où il l’a écrit.');
  return readerKey;
}

/** The author changes their comment, within 15 minutes. */
export async function editOwnComment(id: string, _previous: OwnCommentState, formData: FormData): Promise<OwnCommentState> {
  try {
    const { body } = parseInput(commentEditSchema, { body: text(formData, 'body') });
    const reader = await actionReader({ create: false });
    const readerKey = ownReader(reader.readerKey);
    await consumeRateLimit('comment', { readerKey, addressKey: reader.addressKey });
    const { comment, pieceKey } = await editComment(id, body, readerKey, { moderation: moderation() });
    refreshPiece(pieceKey);
    return { status: 'done', message: comment.status === 'published' ? 'Commentaire modifié.' : 'Commentaire modifié ; il attend la modération.', comment };
  } catch (error) {
    return { status: 'error', message: actionError(error).message };
  }
}

/** The author deletes their comment, within 15 minutes. */
export async function deleteOwnComment(id: string): Promise<OwnCommentState> {
  try {
    const reader = await actionReader({ create: false });
    const { pieceKey } = await deleteComment(id, ownReader(reader.readerKey));
    refreshPiece(pieceKey);
    return { status: 'done', message: 'Commentaire supprimé.' };
  } catch (error) {
    return { status: 'error', message: actionError(error).message };
  }
}

/** An editor makes a published comment a « Coup de cœur de la rédaction » (`on`), or not, from the page. */
export async function featureFromPage(id: string, on: boolean): Promise<OwnCommentState> {
  try {
    const editor = await requireEditor();
    const [decision] = await decide([commentIdOf(id)], on ? 'feature' : 'unfeature', editor);
    if (decision) refreshPiece(decision.pieceKey);
    return { status: 'done', message: on ? 'Coup de cœur de la rédaction.' : 'Coup de cœur retiré.' };
  } catch (error) {
    return { status: 'error', message: actionError(error).message };
  }
}

export type ReportState = { status: 'idle' | 'done' | 'error'; message: string | null };

/** Any reader reports a comment, with a reason. */
export async function reportCommentAction(id: string, _previous: ReportState, formData: FormData): Promise<ReportState> {
  try {
    const input = parseInput(reportInputSchema, { reason: text(formData, 'reason'), details: text(formData, 'details') || undefined });
    const reader = await actionReader({ create: true });
    await reportAs(writerOf(reader), id, input);
    return { status: 'done', message: 'Merci, la rédaction va examiner ce commentaire.' };
  } catch (error) {
    return { status: 'error', message: actionError(error).message };
  }
}
