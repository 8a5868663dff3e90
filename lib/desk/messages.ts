import 'server-only';
import type { Account } from '@/lib/accounts/session';
import { decide } from '@/lib/desk/decisions';
import { authorAddress, readerIdentity, storedKeys } from '@/lib/desk/reader-identity';
import type { DeskMessageInput } from '@/lib/desk/reader-tools-schemas';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { sendMail } from '@/lib/mail';
import { failure, logger } from '@/lib/log';

/** The 422 of a comment whose author left no way to be written to. */
export const NO_ADDRESS = 'Ce commentaire n’a ni e-mail ni compte : la rédaction ne peut pas écrire à son auteur.';

type Commented = { id: string; pieceKey: string; createdAt: Date };

// The editor's text, then where it comes from and where an answer goes.
function mailText(text: string, comment: Commented): string {
  const link = new URL(`/${comment.pieceKey}#commentaires`, env.SITE_URL).href;
  return [text, '', '—', 'La rédaction de Place des Réseaux', `À propos de votre commentaire du ${formatDateTime(comment.createdAt.toISOString())} : ${link}`, 'Pour nous répondre, répondez simplement à ce message : il parvient à la rédaction.'].join('\n');
}

/**
 * Writes to a comment's author from EMAIL_FROM, Reply-To the desk (EDITOR_REPLY_TO), logs the
 * message (desk_messages and the audit log), then applies the decision that goes with it, if any.
 * Nothing is logged or decided when the mail could not leave.
 */
export async function sendDeskMessage(input: DeskMessageInput, editor: Account) {
  const { prisma } = db();
  const comment = await prisma.comment.findUnique({ where: { id: input.commentId } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  const to = authorAddress(comment, await readerIdentity(comment));
  if (!to) throw new ApiError('validation_failed', NO_ADDRESS, { field: 'commentId' });
  try {
    await sendMail({ kind: 'desk_message', to, subject: input.subject, text: mailText(input.text, comment), replyTo: env.EDITOR_REPLY_TO });
  } catch (error) {
    logger('desk').error({ err: failure(error) }, 'message non envoyé');
    throw new ApiError('mail_unavailable', 'Le serveur d’e-mails n’a pas pris le message : il n’est pas parti, et rien n’a été décidé. Réessayez dans quelques minutes.');
  }
  const message = await prisma.$transaction(async (tx) => {
    const row = await tx.deskMessage.create({
      data: { commentId: comment.id, editorId: editor.id, editor: editor.email, recipient: to, subject: input.subject, body: input.text, ...storedKeys(comment) },
    });
    await tx.moderationEvent.create({ data: { editorId: editor.id, editor: editor.email, action: 'message', commentId: comment.id, pieceKey: comment.pieceKey, target: to, reason: input.subject } });
    return row;
  });
  const decisions = input.action ? await decide([comment.id], input.action, editor) : [];
  return { message, decisions };
}
