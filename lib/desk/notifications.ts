import 'server-only';
import { createHmac } from 'node:crypto';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { sendMail } from '@/lib/mail';
import { sameToken } from '@/lib/tokens';
import { failure, logger } from '@/lib/log';

/** Editors get at most one email in this time, grouping what came meanwhile. */
export const EDITOR_DIGEST_INTERVAL_MS = 10 * 60 * 1000;
const DIGEST_KEY = 'editors';
let pending: ReturnType<typeof setTimeout> | null = null;

const siteLink = (path: string) => new URL(path, env.SITE_URL).href;
const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text).replace(/\s+/g, ' ');

async function editorEmails(): Promise<string[]> {
  const editors = await db().prisma.user.findMany({ where: { role: 'editor' }, select: { email: true } });
  return [...new Set([...editors.map((editor) => editor.email), ...env.EDITOR_EMAILS])];
}

/**
 * Sends the editors what waits for them since their last email, unless one went out less than
 * 10 minutes ago: then it is sent when the 10 minutes are over. The slot is claimed in the
 * database, so several instances of the app send one email, not several.
 */
export async function sendEditorDigest(now = new Date()): Promise<'sent' | 'later' | 'nothing'> {
  const { prisma } = db();
  const claimed = await prisma.$transaction(async (tx) => {
    const state = await tx.$queryRaw<{ last_sent_at: Date }[]>`
      SELECT last_sent_at FROM notification_state WHERE key = ${DIGEST_KEY} FOR UPDATE`;
    const previous = state[0]?.last_sent_at ?? new Date(now.getTime() - 24 * 3600 * 1000);
    const wait = previous.getTime() + EDITOR_DIGEST_INTERVAL_MS - now.getTime();
    if (state[0] && wait > 0) return { kind: 'later', wait } as const;
    const [comments, reports] = await Promise.all([
      tx.comment.findMany({ where: { status: 'pending', createdAt: { gt: previous } }, orderBy: { createdAt: 'asc' } }),
      tx.report.findMany({ where: { resolved: false, createdAt: { gt: previous } }, include: { comment: true }, orderBy: { createdAt: 'asc' } }),
    ]);
    if (comments.length === 0 && reports.length === 0) return { kind: 'nothing' } as const;
    await tx.$executeRaw`
      INSERT INTO notification_state (key, last_sent_at) VALUES (${DIGEST_KEY}, ${now})
      ON CONFLICT (key) DO UPDATE SET last_sent_at = EXCLUDED.last_sent_at`;
    return { kind: 'send', comments, reports } as const;
  });
  if (claimed.kind === 'later') {
    const wait = claimed.wait;
    pending ??= setTimeout(() => {
      pending = null;
      void sendEditorDigest().catch((error: unknown) => logger('notifications').error({ err: failure(error) }, 'digest de la rédaction non envoyé'));
    }, wait + 1000);
    pending.unref?.();
    return 'later';
  }
  if (claimed.kind === 'nothing') return 'nothing';
  const lines = [
    ...claimed.comments.map((comment) => `• En attente — ${comment.authorName} sur ${comment.pieceKey} : « ${excerpt(comment.body)} »`),
    ...claimed.reports.map((report) => `• Signalé (${report.reason}${report.details ? ` : ${excerpt(report.details)}` : ''}) — ${report.comment.authorName} sur ${report.comment.pieceKey} : « ${excerpt(report.comment.body)} »`),
  ];
  const to = await editorEmails();
  if (to.length === 0) return 'nothing';
  await sendMail({
    kind: 'desk_alert',
    to: to.join(', '),
    subject: `Modération : ${claimed.comments.length} en attente, ${claimed.reports.length} signalement(s)`,
    text: ['Bonjour,', '', 'Voici ce qui attend la rédaction :', '', ...lines, '', `La file de modération : ${siteLink('/redaction')}`].join('\n'),
  });
  return 'sent';
}

/** Tells the editors, soon, that something waits for them (never delays the reader's answer). */
export function notifyEditorsSoon(): void {
  void sendEditorDigest().catch((error: unknown) => logger('notifications').error({ err: failure(error) }, 'digest de la rédaction non envoyé'));
}

/** The token of the one-click unsubscribe link of a comment's reply notifications. */
export function unsubscribeToken(commentId: string): string {
  return createHmac('sha256', env.AUTH_SECRET ?? '').update(`unsubscribe\0${commentId}`).digest('base64url');
}

export function isUnsubscribeToken(commentId: string, token: string): boolean {
  return sameToken(unsubscribeToken(commentId), token);
}

/** Stops every e-mail about a comment: its replies, its featuring (the link in each email; no sign-in needed). */
export async function unsubscribeFromReplies(commentId: string): Promise<void> {
  await db().prisma.$executeRaw`
    UPDATE comments SET notify_replies = false, featured_notified_at = COALESCE(featured_notified_at, now()) WHERE id = ${commentId}::uuid`;
}

/** When a reply is published: its parent's author hears of it, if they asked to. */
export async function notifyReplyPublished(replyId: string): Promise<boolean> {
  const reply = await db().prisma.comment.findUnique({ where: { id: replyId }, include: { parent: true } });
  const parent = reply?.parent;
  if (!reply || reply.status !== 'published' || !parent?.notifyReplies || !parent.email || parent.readerKey === reply.readerKey) return false;
  const unsubscribe = unsubscribeLink(parent.id);
  await sendMail({
    kind: 'reply',
    to: parent.email,
    subject: `${reply.authorName} a répondu à votre commentaire`,
    text: [
      'Bonjour,',
      '',
      `${reply.authorName} a répondu à votre commentaire sur Place des Réseaux :`,
      '',
      `« ${excerpt(reply.body)} »`,
      '',
      `Lire la réponse : ${siteLink(`/${reply.pieceKey}#commentaire-${reply.id}`)}`,
      '',
      `Ne plus être prévenu des réponses à ce commentaire : ${unsubscribe}`,
    ].join('\n'),
    headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  });
  return true;
}

const unsubscribeLink = (commentId: string) => siteLink(`/desabonnement?${new URLSearchParams({ commentaire: commentId, jeton: unsubscribeToken(commentId) })}`);

/**
 * When an editor features a comment: its author, if they gave an email, hears of it once (the
 * claim on featured_notified_at makes a second featuring, on any instance, send nothing).
 */
export async function notifyFeatured(commentId: string): Promise<boolean> {
  const { prisma } = db();
  const claimed = await prisma.comment.updateManyAndReturn({
    where: { id: commentId, status: 'published', featuredAt: { not: null }, featuredNotifiedAt: null, email: { not: null } },
    data: { featuredNotifiedAt: new Date() },
  });
  const comment = claimed[0];
  if (!comment?.email) return false;
  const unsubscribe = unsubscribeLink(comment.id);
  try {
    await sendMail({
      kind: 'held_comment',
      to: comment.email,
      subject: 'Votre commentaire a été retenu par la rédaction',
      text: [
        'Bonjour,',
        '',
        'La rédaction de Place des Réseaux a retenu votre commentaire parmi ses « Coups de cœur » : il est mis en avant au-dessus de la discussion.',
        '',
        `« ${excerpt(comment.body)} »`,
        '',
        `Le voir : ${siteLink(`/${comment.pieceKey}#commentaire-${comment.id}`)}`,
        '',
        'Merci pour votre contribution.',
        '',
        `Ne plus recevoir d’e-mails au sujet de ce commentaire : ${unsubscribe}`,
      ].join('\n'),
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    return true;
  } catch (error) {
    // Not sent: the next featuring may try again.
    await prisma.comment.updateMany({ where: { id: comment.id }, data: { featuredNotifiedAt: null } });
    throw error;
  }
}

/** Fire and forget: the featured comment's author hears of it without delaying the editor. */
export function notifyFeaturedSoon(commentId: string): void {
  void notifyFeatured(commentId).catch((error: unknown) => logger('notifications').error({ err: failure(error) }, 'avis de coup de cœur non envoyé'));
}

/** Fire and forget: a notification never delays nor fails the reader's answer. */
export function notifyReplySoon(replyId: string): void {
  void notifyReplyPublished(replyId).catch((error: unknown) => logger('notifications').error({ err: failure(error) }, 'avis de réponse non envoyé'));
}
