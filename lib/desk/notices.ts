import 'server-only';
import { randomInt } from 'node:crypto';
import type { Account } from '@/lib/accounts/session';
import { decide } from '@/lib/desk/decisions';
import { NOTICE_DECISION_LABELS, NOTICE_GROUND_LABELS, type NoticeDecision, type NoticeGround } from '@/lib/desk/legal-grounds';
import type { NoticeDecisionInput, NoticeInput } from '@/lib/desk/notice-schemas';
import { REDRESS_TEXT } from '@/lib/desk/redress';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/db/generated/prisma/client';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { sendMail } from '@/lib/mail';
import { failure, logger } from '@/lib/log';

// Notices of illegal content (DSA art. 16): stored apart from the readers' quick reports, logged
// (`notice`) when received, acknowledged to the notifier with their reference, shown first in the
// desk, and decided once by an editor (`notice_decision`, with the notice's id: /transparence
// computes the time to decide from these two entries).

// Crockford's alphabet without I, L, O, U: a reference reads aloud without ambiguity.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newReference = (now: Date) => `DSA-${now.getUTCFullYear()}-${Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')}`;

const SIGNATURE = 'La rédaction de Place des Réseaux';
const siteLink = (path: string) => new URL(path, env.SITE_URL).href;

/** A reader's notice about a published comment; 404 for a comment that is not published. */
export async function receiveNotice(commentId: string, input: NoticeInput, readerKey: string) {
  const { prisma } = db();
  const comment = await prisma.comment.findFirst({ where: { id: commentId, status: 'published' }, select: { id: true, pieceKey: true } });
  if (!comment) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
  for (let attempt = 0; ; attempt += 1) {
    const reference = newReference(new Date());
    try {
      const notice = await prisma.$transaction(async (tx) => {
        const created = await tx.notice.create({
          data: { reference, commentId, ground: input.ground, explanation: input.explanation, notifierName: input.name, notifierEmail: input.email.trim(), readerKey },
        });
        await tx.moderationEvent.create({
          data: { editor: 'notification DSA', action: 'notice', commentId, pieceKey: comment.pieceKey, target: reference, reason: input.ground, noticeId: created.id, createdAt: created.createdAt },
        });
        return created;
      });
      acknowledgeSoon(notice.notifierEmail, notice.reference, notice.ground as NoticeGround, comment.pieceKey, commentId);
      return { reference: notice.reference, createdAt: notice.createdAt.toISOString() };
    } catch (error) {
      // 32⁵ references a year: a collision is rare, and tried again.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' && attempt < 5) continue;
      throw error;
    }
  }
}

function acknowledgeSoon(to: string, reference: string, ground: NoticeGround, pieceKey: string, commentId: string): void {
  const text = [
    'Bonjour,',
    `La rédaction de Place des Réseaux a bien reçu votre notification de contenu illicite. Sa référence : ${reference}.`,
    `Le commentaire signalé : ${siteLink(`/${pieceKey}#commentaire-${commentId}`)}\nMotif : ${NOTICE_GROUND_LABELS[ground]}.`,
    'Un membre de la rédaction l’examinera ; vous recevrez sa décision, ses raisons et les recours possibles à cette adresse. Pour compléter votre notification, répondez à cet e-mail en rappelant la référence.',
    SIGNATURE,
  ].join('\n\n');
  void sendMail({ kind: 'notice_receipt', to, subject: `Notification ${reference} reçue — Place des Réseaux`, text, replyTo: env.EDITOR_REPLY_TO }).catch((error: unknown) => logger('dsa').error({ err: failure(error) }, 'accusé de réception non envoyé'));
}

/** The notices still to decide, oldest first, with their comment. */
export async function openNotices() {
  const rows = await db().prisma.notice.findMany({ where: { decidedAt: null }, orderBy: { createdAt: 'asc' }, take: 200, include: { comment: { select: { pieceKey: true, authorName: true, body: true, status: true } } } });
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    commentId: row.commentId,
    pieceKey: row.comment.pieceKey,
    author: row.comment.authorName,
    body: row.comment.body,
    commentStatus: row.comment.status,
    ground: row.ground as NoticeGround,
    explanation: row.explanation,
    notifier: { name: row.notifierName, email: row.notifierEmail },
    createdAt: row.createdAt.toISOString(),
  }));
}
export type OpenNotice = Awaited<ReturnType<typeof openNotices>>[number];

const OUTCOMES: Record<NoticeDecision, string> = {
  illegal: 'la rédaction a jugé le contenu illicite et a retiré le commentaire.',
  charter: 'la rédaction a jugé le commentaire contraire à la charte des commentaires et l’a retiré.',
  none: 'la rédaction n’a pas jugé le contenu illicite ni contraire à sa charte : le commentaire reste en ligne.',
};

/**
 * An editor decides a notice, once (409 for a notice already decided): `illegal` deletes the
 * comment, `charter` rejects it, both through decide() (caches, statement of reasons to the
 * author); the notifier is told the decision, its reasons and their redress.
 */
export async function decideNotice(id: string, input: NoticeDecisionInput, editor: Account) {
  const { prisma } = db();
  const notice = await prisma.$transaction(async (tx) => {
    const decided = await tx.notice.updateManyAndReturn({
      where: { id, decidedAt: null },
      data: { decision: input.decision, decisionExplanation: input.explanation, decidedAt: new Date(), decidedById: editor.id },
      include: { comment: { select: { pieceKey: true } } },
    });
    const row = decided[0];
    if (!row) {
      const exists = await tx.notice.findUnique({ where: { id }, select: { id: true } });
      if (!exists) throw new ApiError('not_found', 'Cette notification n’existe pas.');
      throw new ApiError('already_decided', 'Cette notification a déjà été décidée.');
    }
    await tx.moderationEvent.create({
      data: { editorId: editor.id, editor: editor.email, action: 'notice_decision', commentId: row.commentId, pieceKey: row.comment.pieceKey, target: input.decision, reason: input.explanation.slice(0, 500), noticeId: row.id, createdAt: row.decidedAt ?? new Date() },
    });
    return row;
  });
  if (input.decision !== 'none') {
    const ground = notice.ground as NoticeGround;
    await decide([notice.commentId], input.decision === 'illegal' ? 'delete' : 'reject', editor, input.explanation, {
      statement: {
        trigger: { kind: 'notice', noticeId: notice.id },
        ground: input.decision === 'illegal' ? { kind: 'law', ground } : { kind: 'charter', article: input.article ?? (ground === 'defamation' || ground === 'hate' ? 'attaque' : 'courtoisie') },
      },
    });
  }
  const text = [
    'Bonjour,',
    `Votre notification ${notice.reference} du ${formatDateTime(notice.createdAt.toISOString())} a été examinée par un membre de la rédaction.`,
    `Décision : ${NOTICE_DECISION_LABELS[input.decision]} — ${OUTCOMES[input.decision]}`,
    `Les raisons : ${input.explanation}`,
    `Vos recours, si vous contestez cette décision :\n${REDRESS_TEXT}`,
    SIGNATURE,
  ].join('\n\n');
  void sendMail({ kind: 'notice_decision', to: notice.notifierEmail, subject: `Décision sur votre notification ${notice.reference} — Place des Réseaux`, text, replyTo: env.EDITOR_REPLY_TO }).catch((error: unknown) => logger('dsa').error({ err: failure(error) }, 'décision non envoyée au notifiant'));
  return { id: notice.id, reference: notice.reference, decision: input.decision };
}

