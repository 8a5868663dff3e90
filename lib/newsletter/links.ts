import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { sameToken } from '@/lib/tokens';
import { readerSecret } from '@/lib/readers/secret';
import type { Rhythm } from './newsletter-schemas';

// The links of the letter's e-mails, signed with AUTH_SECRET: no sign-in is needed to follow
// them, and none can be made for another subscriber or another rhythm.

/** A confirmation link is good for this long; the unconfirmed address is forgotten then too. */
export const CONFIRMATION_DAYS = 7;
const CONFIRMATION_MS = CONFIRMATION_DAYS * 24 * 3600 * 1000;

const sign = (...parts: string[]) => createHmac('sha256', readerSecret()).update(parts.join('\0')).digest('base64url');

const siteLink = (path: string, query: Record<string, string>) => `${new URL(path, env.SITE_URL).href}?${new URLSearchParams(query)}`;

/** The link of the confirmation e-mail: confirms `subscriberId` with `rhythm`. */
export function confirmationLink(subscriberId: string, rhythm: Rhythm, issuedAt: Date): string {
  const date = String(issuedAt.getTime());
  return siteLink('/lettre/confirmer', { abonne: subscriberId, rythme: rhythm, date, jeton: sign('newsletter-confirm', subscriberId, rhythm, date) });
}

export type ConfirmationLink = { subscriberId: string; rhythm: Rhythm; issuedAt: number; token: string };

/** Whether a confirmation link is genuine ('ok'), too old ('expired') or not ours ('invalid'). */
export function checkConfirmation(link: ConfirmationLink, now: Date): 'ok' | 'expired' | 'invalid' {
  if (!sameToken(sign('newsletter-confirm', link.subscriberId, link.rhythm, String(link.issuedAt)), link.token)) return 'invalid';
  const age = now.getTime() - link.issuedAt;
  return age >= 0 && age <= CONFIRMATION_MS ? 'ok' : 'expired';
}

/** The token of a subscriber's unsubscribe links (the e-mail's link and its List-Unsubscribe header). */
export function unsubscribeToken(subscriberId: string): string {
  return sign('newsletter-unsubscribe', subscriberId);
}

export function isUnsubscribeToken(subscriberId: string, token: string): boolean {
  return sameToken(unsubscribeToken(subscriberId), token);
}

/** The page that unsubscribes in one click, without signing in. */
export function unsubscribeLink(subscriberId: string): string {
  return siteLink('/lettre/desinscription', { abonne: subscriberId, jeton: unsubscribeToken(subscriberId) });
}

/** Where mail clients post the one-click unsubscription (RFC 8058). */
export function oneClickUnsubscribeLink(subscriberId: string): string {
  return siteLink('/api/newsletter/unsubscribe', { abonne: subscriberId, jeton: unsubscribeToken(subscriberId) });
}

/** The keyed hash of an address (the bounce list's key). */
export function emailHash(email: string): string {
  return createHmac('sha256', readerSecret()).update(`newsletter-bounce\0${email.toLowerCase()}`).digest('hex');
}
