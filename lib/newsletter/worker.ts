import 'server-only';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { deliverPending, type DeliveryReport } from './delivery';
import { createDueSends, type CreatedSend } from './sends';
import { forgetUnconfirmed } from './subscriptions';
import { failure, logger } from '@/lib/log';

/** Deliveries of sends finished this long ago are deleted (their counts stay on the send). */
export const KEEP_DELIVERIES_DAYS = 30;

export type NewsletterRun = { forgotten: number; created: CreatedSend[]; delivery: DeliveryReport };

/** One round of the letter at `now`: forget stale unconfirmed addresses, create what is due, send it. */
export async function runNewsletter(now = new Date()): Promise<NewsletterRun> {
  const forgotten = await forgetUnconfirmed(now);
  const created = await createDueSends(now);
  const delivery = await deliverPending(now);
  await db().pool.query(
    `DELETE FROM "newsletter_deliveries" d USING "newsletter_sends" n
     WHERE d."send_id" = n."id" AND n."finished_at" < $1::timestamptz - make_interval(days => $2)`,
    [now, KEEP_DELIVERIES_DAYS],
  );
  return { forgotten, created, delivery };
}

/** What a round did, in one line of the log (nothing when it did nothing). */
export function describeRun(run: NewsletterRun): string | null {
  const parts = [
    ...run.created.map((send) => `${send.kind === 'piece' ? `lettre de ${send.label}` : 'récapitulatif de la semaine'} : ${send.recipients} destinataire(s)`),
    run.delivery.sent > 0 ? `${run.delivery.sent} e-mail(s) envoyé(s)` : '',
    run.delivery.retried > 0 ? `${run.delivery.retried} à réessayer` : '',
    run.delivery.failed > 0 ? `${run.delivery.failed} en échec` : '',
    run.forgotten > 0 ? `${run.forgotten} adresse(s) jamais confirmée(s) oubliée(s)` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ; ') : null;
}

const globalForWorker = globalThis as unknown as { placeDesReseauxLetterWorker?: ReturnType<typeof setInterval> };

/**
 * In each instance, every NEWSLETTER_INTERVAL_SECONDS: a round of the letter. Rounds of several
 * instances overlap harmlessly (sends are claimed in the database, one instance delivers at a time).
 */
export function startNewsletterWorker(): void {
  if (env.NEWSLETTER_INTERVAL_SECONDS === 0 || globalForWorker.placeDesReseauxLetterWorker) return;
  let running = false;
  const log = logger('lettre');
  const round = () => {
    if (running) return;
    running = true;
    runNewsletter(new Date())
      .then((run) => {
        const line = describeRun(run);
        const figures = { sends: run.created.length, sent: run.delivery.sent, retried: run.delivery.retried, failed: run.delivery.failed, forgotten: run.forgotten, busy: run.delivery.busy };
        if (line) log.info(figures, line);
        else log.debug(figures, run.delivery.busy ? 'tour : une autre instance envoie' : 'tour : rien à envoyer');
      })
      .catch((error: unknown) => log.error({ err: failure(error) }, 'tour en échec (nouvel essai au prochain)'))
      .finally(() => (running = false));
  };
  globalForWorker.placeDesReseauxLetterWorker = setInterval(round, env.NEWSLETTER_INTERVAL_SECONDS * 1000);
  globalForWorker.placeDesReseauxLetterWorker.unref();
  setTimeout(round, 2000).unref();
}
