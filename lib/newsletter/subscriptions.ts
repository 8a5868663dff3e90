import 'server-only';
import { db } from '@/lib/db/client';
import { ApiError } from '@/lib/errors';
import { sendMail } from '@/lib/mail';
import { checkConfirmation, confirmationLink, CONFIRMATION_DAYS, emailHash, isUnsubscribeToken, type ConfirmationLink } from './links';
import { confirmationMail } from './letters';
import type { Rhythm, SubscriptionInput } from './newsletter-schemas';
import { failure, logger } from '@/lib/log';

// Who receives the letter. A request from the form stores the address unconfirmed and e-mails it
// a signed link (double opt-in); nothing else is sent to it before that link is followed. The
// answer to a request is the same whether or not the address was known, so the form tells no one
// who subscribes. A signed-in reader's own address, proven by signing in, is confirmed at once.

/** Confirmation e-mails one address may receive a day, whoever asks: the form cannot flood a mailbox. */
export const CONFIRMATIONS_PER_DAY = 3;

export type SubscriptionRequest = SubscriptionInput & { accountEmail?: string | null };

/** What the reader is told; `subscribed` only for their own account's address. */
export type SubscriptionOutcome = 'confirmation_sent' | 'subscribed';

/**
 * Handles a subscription request (already past the rate limits and the robot checks): the
 * account's own address is subscribed at once; any other gets a confirmation e-mail, unless it
 * already receives the letter at that rhythm, bounced for good, or had its share of e-mails today.
 */
export async function requestSubscription(request: SubscriptionRequest, now = new Date()): Promise<SubscriptionOutcome> {
  const { prisma, pool } = db();
  const { email, rhythm } = request;
  if (request.accountEmail && request.accountEmail.toLowerCase() === email) {
    await prisma.$transaction([
      prisma.newsletterBounce.deleteMany({ where: { emailHash: emailHash(email) } }),
      prisma.newsletterSubscriber.upsert({ where: { email }, create: { email, rhythm, createdAt: now, confirmedAt: now }, update: { rhythm, confirmedAt: now } }),
    ]);
    return 'subscribed';
  }
  if (await prisma.newsletterBounce.findUnique({ where: { emailHash: emailHash(email) } })) return 'confirmation_sent';
  // Stored unconfirmed, or left as it is when known (its rhythm changes only through the link).
  const subscriber = await prisma.newsletterSubscriber.upsert({ where: { email }, create: { email, rhythm, createdAt: now }, update: {} });
  if (subscriber.confirmedAt && subscriber.rhythm === rhythm) return 'confirmation_sent';
  const { rows } = await pool.query<{ wait: string }>(`SELECT rate_limit_use('newsletter:confirmation:' || $1, $2, 86400000) AS "wait"`, [emailHash(email), CONFIRMATIONS_PER_DAY]);
  if (Number(rows[0]?.wait ?? 0) > 0) return 'confirmation_sent';
  try {
    await sendMail(confirmationMail(email, rhythm, confirmationLink(subscriber.id, rhythm, now), subscriber.confirmedAt ? subscriber.rhythm : undefined));
  } catch (error) {
    logger('lettre').error({ err: failure(error) }, 'e-mail de confirmation non envoyé');
    throw new ApiError('mail_unavailable', 'L’e-mail de confirmation n’a pas pu partir : notre serveur d’e-mails ne répond pas. Réessayez dans quelques minutes.');
  }
  return 'confirmation_sent';
}

/** The outcome of a confirmation link followed: done, or why not. */
export type ConfirmationOutcome = { status: 'confirmed'; rhythm: Rhythm } | { status: 'expired' | 'invalid' | 'unknown' };

/** Confirms a subscriber (or their new rhythm) from the link of their confirmation e-mail. */
export async function confirmSubscription(link: ConfirmationLink, now = new Date()): Promise<ConfirmationOutcome> {
  const check = checkConfirmation(link, now);
  if (check !== 'ok') return { status: check };
  const { prisma } = db();
  const updated = await prisma.newsletterSubscriber.updateMany({ where: { id: link.subscriberId }, data: { rhythm: link.rhythm } });
  if (updated.count === 0) return { status: 'unknown' };
  // The first confirmation is the one the subscription dates from.
  await prisma.newsletterSubscriber.updateMany({ where: { id: link.subscriberId, confirmedAt: null }, data: { confirmedAt: now } });
  return { status: 'confirmed', rhythm: link.rhythm };
}

/** Unsubscribes from a signed link: the address is deleted. False when the link is not genuine. */
export async function unsubscribe(subscriberId: string, token: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(subscriberId) || !isUnsubscribeToken(subscriberId, token)) return false;
  await db().prisma.newsletterSubscriber.deleteMany({ where: { id: subscriberId } });
  return true;
}

/** The subscription of an address (a signed-in reader's), or null. */
export async function subscriptionOf(email: string): Promise<{ id: string; rhythm: Rhythm; createdAt: Date; confirmedAt: Date | null } | null> {
  return db().prisma.newsletterSubscriber.findUnique({ where: { email: email.toLowerCase() }, select: { id: true, rhythm: true, createdAt: true, confirmedAt: true } });
}

/** A signed-in reader stops the letter from their account page. */
export async function unsubscribeAddress(email: string): Promise<void> {
  await db().prisma.newsletterSubscriber.deleteMany({ where: { email: email.toLowerCase() } });
}

/** Forgets the addresses never confirmed within CONFIRMATION_DAYS; returns how many. */
export async function forgetUnconfirmed(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - CONFIRMATION_DAYS * 24 * 3600 * 1000);
  const { count } = await db().prisma.newsletterSubscriber.deleteMany({ where: { confirmedAt: null, createdAt: { lt: before } } });
  return count;
}
