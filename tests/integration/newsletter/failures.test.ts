import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverPending } from '@/lib/newsletter/delivery';
import { emailHash } from '@/lib/newsletter/links';
import { mailDir as serverMailDir, query, Visitor } from '../setup/helpers';
import { readMails, startSmtp } from '../../fixtures/smtp';

// A mail server that refuses some recipients, for good (550) or for now (451), as real ones do
// (in ASCII, as they do: nodemailer reads their answers as Latin-1).
const mailDir = mkdtempSync(path.join(tmpdir(), 'pdr-lettre-refus-'));
let reopened = false;
const smtp = await startSmtp(mailDir, {
  recipientReply: (address) => {
    if (address.startsWith('rebond-')) return { code: 550, message: '5.1.1 Mailbox unknown' };
    if (address.startsWith('toujours-') || (address.startsWith('plus-tard-') && !reopened)) return { code: 451, message: '4.2.0 Try again later' };
    return null;
  },
});
const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });

afterAll(async () => {
  transport.close();
  await smtp.close();
  rmSync(mailDir, { recursive: true, force: true });
});

const minutes = (start: Date, count: number) => new Date(start.getTime() + count * 60_000);

describe('when the mail server refuses', () => {
  it('unsubscribes an address refused for good, keeps its hash only, retries one refused for now, and counts what never passed', async () => {
    const suffix = Date.now();
    const [bounced, later, never] = [`rebond-${suffix}@exemple.fr`, `plus-tard-${suffix}@exemple.fr`, `toujours-${suffix}@exemple.fr`];
    const ids = await query<{ id: string; email: string }>(
      "INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) SELECT unnest($1::text[]), 'each', now() RETURNING id, email",
      [[bounced, later, never]],
    );
    const [send] = await query<{ id: string }>("INSERT INTO newsletter_sends (kind, piece_key, piece_keys, recipients) VALUES ('piece', 'articles/archive-08', ARRAY['articles/archive-08'], 3) RETURNING id");
    for (const { id } of ids) await query('INSERT INTO newsletter_deliveries (send_id, subscriber_id) VALUES ($1, $2)', [send?.id, id]);
    const delivery = (email: string) =>
      query<{ status: string; attempts: number; next_attempt_at: Date | null; last_error: string | null }>(
        'SELECT d.status, d.attempts, d.next_attempt_at, d.last_error FROM newsletter_deliveries d JOIN newsletter_subscribers s ON s.id = d.subscriber_id WHERE d.send_id = $1 AND s.email = $2',
        [send?.id, email],
      );

    const start = new Date('2031-03-03T10:00:00Z');
    await deliverPending(start, transport);
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [bounced])).toEqual([]);
    expect(await query('SELECT reason FROM newsletter_bounces WHERE email_hash = $1', [emailHash(bounced)])).toEqual([{ reason: expect.stringContaining('550 5.1.1 Mailbox unknown') }]);
    expect(await delivery(later)).toEqual([{ status: 'pending', attempts: 1, next_attempt_at: minutes(start, 5), last_error: expect.stringContaining('451 4.2.0 Try again later') }]);

    // The form cannot make the magazine write to a bounced address again; the answer is the same.
    expect((await new Visitor().post('/api/newsletter/subscriptions', { email: bounced })).status).toBe(202);
    expect(await query('SELECT 1 FROM newsletter_subscribers WHERE email = $1', [bounced])).toEqual([]);

    // Not due before its time; then the server takes it.
    await deliverPending(minutes(start, 4), transport);
    expect((await delivery(later))[0]?.attempts).toBe(1);
    reopened = true;
    await deliverPending(minutes(start, 6), transport);
    expect((await delivery(later))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(readMails(mailDir).map((mail) => mail.to)).toEqual([[later]]);

    // Refused at every try: 5, 30, 120 and 360 minutes later, then counted as failed.
    for (const at of [37, 158, 519]) await deliverPending(minutes(start, at), transport);
    expect(await delivery(never)).toEqual([{ status: 'failed', attempts: 5, next_attempt_at: null, last_error: expect.stringContaining('451') }]);
    const [figures] = await query<{ recipients: number; sent: number; failed: number; finished_at: Date | null }>('SELECT recipients, sent, failed, finished_at FROM newsletter_sends WHERE id = $1', [send?.id]);
    expect(figures).toEqual({ recipients: 3, sent: 1, failed: 2, finished_at: minutes(start, 519) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(readMails(serverMailDir).filter((mail) => mail.to.includes(bounced))).toEqual([]);
  });
});
