import 'server-only';
import { ApiError } from '@/lib/errors';
import { readerOf, type Reader } from '@/lib/http/api';
import { isDatabaseUnavailable } from '@/lib/db/client';
import { requestSubscription, type SubscriptionOutcome } from '@/lib/newsletter/subscriptions';
import { RHYTHM_LABELS, type SubscriptionInput } from '@/lib/newsletter/newsletter-schemas';
import { env } from '@/lib/env';
import { countedWrite } from '@/lib/metrics';
import { checkFormToken, issueFormToken } from '@/lib/readers/form-token';
import { consumeRateLimit } from '@/lib/readers/rate-limits';
import { readerSecret } from '@/lib/readers/secret';
import { failure, logger } from '@/lib/log';

// A subscription request, from the JSON API or from a form sent without JavaScript: the checks
// of the comment form (per-minute limits per reader and per address, the honeypot, the timing
// token), then lib/newsletter. A robot gets the answer a person gets, and nothing is done.

/** Handles a subscription request (with `startedAt` when it comes from one of the site's forms). */
export function subscribeFrom(request: Request, input: SubscriptionInput): Promise<{ outcome: SubscriptionOutcome; reader: Reader }> {
  return countedWrite('subscription', async () => {
    const reader = await readerOf(request, { create: true });
    await consumeRateLimit('subscription', { readerKey: reader.readerKey ?? '', addressKey: reader.addressKey });
    const timing = input.startedAt === undefined ? 'ok' : checkFormToken(readerSecret(), input.startedAt, Date.now());
    if (input.website || timing === 'too-fast') return { outcome: 'confirmation_sent' as const, reader };
    return { outcome: await requestSubscription({ email: input.email, rhythm: input.rhythm, accountEmail: reader.account?.email }), reader };
  });
}

/** A form token issued now, for a form rendered at request time ('' without AUTH_SECRET). */
export function freshFormToken(): string {
  return env.AUTH_SECRET ? issueFormToken(env.AUTH_SECRET, Date.now()) : '';
}

/** What the reader reads after asking, the same whether the address was known or not. */
export function subscriptionMessage(outcome: SubscriptionOutcome, input: Pick<SubscriptionInput, 'email' | 'rhythm'>): string {
  if (outcome === 'subscribed') return `C’est fait : la lettre arrivera à ${input.email}, ${RHYTHM_LABELS[input.rhythm]}.`;
  return 'Merci ! Si cette adresse ne reçoit pas déjà la lettre à ce rythme, un e-mail de confirmation vient d’y partir : cliquez sur son lien pour commencer à la recevoir (regardez aussi dans les indésirables). Rien ne vous sera envoyé avant.';
}

/** Codes of the notices of /lettre, where the forms sent without JavaScript lead back. */
export type SubscriptionNotice = 'envoye' | 'inscrit' | 'adresse' | 'trop' | 'origine' | 'indisponible' | 'courriel' | 'erreur';

/** The notice a failed request from a form leads to. */
export function noticeOfFailure(error: unknown): SubscriptionNotice {
  if (error instanceof ApiError) {
    if (error.code === 'validation_failed') return 'adresse';
    if (error.code === 'rate_limited') return 'trop';
    if (error.code === 'forbidden_origin') return 'origine';
    if (error.code === 'database_unavailable') return 'indisponible';
    if (error.code === 'mail_unavailable') return 'courriel';
    return 'erreur';
  }
  if (isDatabaseUnavailable(error)) return 'indisponible';
  logger('lettre').error({ err: failure(error) }, 'erreur inattendue');
  return 'erreur';
}
