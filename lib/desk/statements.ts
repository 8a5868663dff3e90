import 'server-only';
import { charterArticleLabel, CHARTER_ARTICLES, type CharterArticleId } from '@/lib/desk/charter';
import { NOTICE_GROUND_LABELS, NOTICE_GROUND_LAWS, type NoticeGround } from '@/lib/desk/legal-grounds';
import { REDRESS_TEXT } from '@/lib/desk/redress';
import { authorAddress, readerIdentity } from '@/lib/desk/reader-identity';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { formatDate, formatDateTime } from '@/lib/format';
import { sendMail } from '@/lib/mail';
import { failure, logger } from '@/lib/log';

// The statement of reasons of DSA article 17: what the author of a removed or refused comment, or
// a suspended or banned reader, receives when an email is known. Every element of art. 17(3) is
// a paragraph of its own: (a) the measure, its duration and territorial scope; (b) the facts and
// whether a notice or the desk's own initiative led to it; (c) automated means; (d) the ground,
// legal or contractual, and why; (e) redress. Each statement is kept, text and all (table
// `statements`), beside the decision in the audit log.

/** What the desk did: a removal of a published comment, a refusal to publish, a suspension, a ban. */
export type StatementMeasure = 'removal' | 'rejection' | 'suspension' | 'ban';

export type StatementInput = {
  commentId: string;
  measure: StatementMeasure;
  /** The end of a suspension; null or absent for a permanent measure. */
  until?: Date | null;
  trigger: { kind: 'notice'; noticeId: string } | { kind: 'own_initiative' };
  /** Detection by the word lists, decision without a person: both false by default. */
  automated?: { detection: boolean; decision: boolean };
  ground: { kind: 'law'; ground: NoticeGround } | { kind: 'charter'; article: CharterArticleId };
  /** Why the ground applies, in the desk's words. */
  explanation?: string | null;
  /** The editor's email, or null for an automated decision. */
  decidedBy?: string | null;
};

const MEASURES: Record<StatementMeasure, { subject: string; name: string }> = {
  removal: { subject: 'Votre commentaire a été retiré', name: 'retrait de votre commentaire, qui n’est plus visible sur le site' },
  rejection: { subject: 'Votre commentaire n’a pas été publié', name: 'refus de publication de votre commentaire' },
  suspension: { subject: 'Votre possibilité de commenter est suspendue', name: 'suspension de votre possibilité de publier des commentaires' },
  ban: { subject: 'Vous ne pouvez plus commenter', name: 'bannissement : vous ne pouvez plus publier de commentaires' },
};

type Subject = { id: string; piece_key: string; body: string; created_at: Date; email: string | null };

const excerpt = (text: string) => (text.length > 300 ? `${text.slice(0, 297)}…` : text).replace(/\s+/g, ' ');

function duration(input: StatementInput): string {
  if (input.measure === 'suspension' && input.until) return `jusqu’au ${formatDateTime(input.until.toISOString())} (heure de Paris) ; elle prend fin d’elle-même à cette date`;
  if (input.measure === 'suspension' || input.measure === 'ban') return 'sans limite de durée, jusqu’à ce que la rédaction la lève';
  return 'définitive : le commentaire ne sera pas republié, sauf si votre contestation aboutit';
}

async function facts(input: StatementInput, comment: Subject): Promise<string> {
  const where = `Le commentaire concerné, écrit sous ${new URL(`/${comment.piece_key}`, env.SITE_URL).href} le ${formatDate(comment.created_at.toISOString())} : « ${excerpt(comment.body)} »`;
  if (input.trigger.kind === 'own_initiative') return `${where}.\nLa rédaction a pris cette mesure de sa propre initiative, sans notification d’un tiers.`;
  const notice = await db().prisma.notice.findUnique({ where: { id: input.trigger.noticeId }, select: { reference: true, createdAt: true } });
  const received = notice ? ` le ${formatDate(notice.createdAt.toISOString())} (référence ${notice.reference})` : '';
  return `${where}.\nCette mesure fait suite à une notification de contenu illicite reçue${received}, que la rédaction a examinée. L’identité de la personne qui l’a envoyée ne vous est pas communiquée.`;
}

function automation({ detection, decision }: { detection: boolean; decision: boolean }): string {
  const found = detection
    ? 'Le commentaire a été repéré par un moyen automatisé : les listes de mots de la rédaction, qui relèvent les termes qu’elle refuse ou veut relire.'
    : 'Aucun moyen automatisé n’a servi à repérer ce commentaire.';
  const decided = decision
    ? 'La mesure a été appliquée automatiquement, sans examen préalable par une personne ; votre contestation, elle, sera examinée par un membre de la rédaction.'
    : 'La décision a été prise par un membre de la rédaction, après lecture du commentaire.';
  return `${found}\n${decided}`;
}

function ground(input: StatementInput): string {
  const why = input.explanation?.trim() ? `\nPourquoi : ${input.explanation.trim()}` : '';
  if (input.ground.kind === 'law') {
    return `Contenu illicite (${NOTICE_GROUND_LABELS[input.ground.ground].toLowerCase()}) au regard de la loi française : ${NOTICE_GROUND_LAWS[input.ground.ground]}.${why}`;
  }
  const { article } = input.ground;
  const text = CHARTER_ARTICLES.find((candidate) => candidate.id === article)?.text ?? '';
  return `Contraire à l’${charterArticleLabel(article)} : « ${text} » (la charte : ${new URL('/charte', env.SITE_URL).href}).${why}`;
}

/** The statement's subject and text, element by element (art. 17(3) a to e). */
export async function statementText(input: StatementInput, comment: Subject): Promise<{ subject: string; text: string }> {
  const measure = MEASURES[input.measure];
  const text = [
    'Bonjour,',
    'Conformément à l’article 17 du règlement européen sur les services numériques (DSA), voici l’exposé des motifs d’une décision de la rédaction de Place des Réseaux qui vous concerne.',
    `1. La mesure : ${measure.name}.\nDurée : ${duration(input)}.\nPortée territoriale : le monde entier (Place des Réseaux est un seul site, consulté de partout).`,
    `2. Les faits et circonstances : ${await facts(input, comment)}`,
    `3. Moyens automatisés : ${automation(input.automated ?? { detection: false, decision: false })}`,
    `4. Le fondement : ${ground(input)}`,
    `5. Vos recours : ${REDRESS_TEXT}`,
    'La rédaction de Place des Réseaux',
  ].join('\n\n');
  return { subject: `${measure.subject} — Place des Réseaux`, text };
}

/**
 * Sends the author of a comment the statement of reasons of a measure (DSA art. 17), when an email
 * is known (the comment's, or its account's), and keeps it. Returns whether it was sent.
 */
export async function sendStatementOfReasons(input: StatementInput): Promise<{ sent: boolean; statementId: string | null }> {
  const { prisma } = db();
  const row = await prisma.comment.findUnique({ where: { id: input.commentId } });
  if (!row) return { sent: false, statementId: null };
  // Written to as the desk writes to any author: the comment's email, else the account's.
  const email = authorAddress(row, await readerIdentity(row));
  const comment: Subject = { id: row.id, piece_key: row.pieceKey, body: row.body, created_at: row.createdAt, email };
  const { subject, text } = await statementText(input, comment);
  const statement = await prisma.statement.create({
    data: {
      commentId: comment.id,
      noticeId: input.trigger.kind === 'notice' ? input.trigger.noticeId : null,
      measure: input.measure,
      recipient: comment.email,
      sentBy: input.decidedBy ?? 'automatique',
      subject,
      text,
    },
  });
  if (!comment.email) return { sent: false, statementId: statement.id };
  await sendMail({ kind: 'statement', to: comment.email, subject, text, replyTo: env.EDITOR_REPLY_TO });
  return { sent: true, statementId: statement.id };
}

/** Fire and forget: a statement never delays nor fails the editor's decision. */
export function sendStatementSoon(input: StatementInput): void {
  void sendStatementOfReasons(input).catch((error: unknown) => logger('dsa').error({ err: failure(error) }, 'exposé des motifs non envoyé'));
}

/**
 * What a removal's statements need to know of these comments, before the decision changes them:
 * which are published now (a rejection of one is a removal), which a word list held (their
 * detection was automated).
 */
export async function removalContext(ids: string[]): Promise<{ published: Set<string>; held: Set<string> }> {
  const rows = await db().prisma.comment.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, matchedList: true } });
  return {
    published: new Set(rows.filter((row) => row.status === 'published').map((row) => row.id)),
    held: new Set(rows.filter((row) => row.matchedList !== null).map((row) => row.id)),
  };
}
