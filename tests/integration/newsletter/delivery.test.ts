import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pacedTransport } from '@/lib/mail';
import { deliverPending } from '@/lib/newsletter/delivery';
import { createDueSends } from '@/lib/newsletter/sends';
import { databaseUrl, mailDir as serverMailDir, query } from '../setup/helpers';
import { readMails, startSmtp } from '../../fixtures/smtp';
import { TEST_SECRET } from '../../fixtures/test-env.mjs';

// 1,000 weekly subscribers, one digest: the sender is killed (SIGKILL) twice while the mail server
// holds a message, and started again each time; every subscriber receives exactly one e-mail.

const root = path.resolve(import.meta.dirname, '../../..');
const COUNT = 1000;
const KILL_AT = [300, 650];
const mailDir = mkdtempSync(path.join(tmpdir(), 'pdr-lettre-envoi-'));
let sender: ChildProcess | null = null;
let accepted = 0;
let kills = 0;

// The mail server kills the sender while it holds the 300th and the 650th message, before
// answering: that message is refused with the connection, as a real server drops it.
const smtp = await startSmtp(mailDir, { beforeAccept: async () => {
  if (kills < KILL_AT.length && accepted + 1 === KILL_AT[kills]) {
    kills += 1;
    const dying = sender;
    dying?.kill('SIGKILL');
    if (dying && dying.exitCode === null && dying.signalCode === null) await new Promise((resolve) => dying.once('exit', resolve));
    return false;
  }
  accepted += 1;
  return true;
} });

afterAll(async () => {
  // Their subscribers would otherwise receive the letters of the tests that come after.
  await query("DELETE FROM newsletter_subscribers WHERE email LIKE 'envoi-%' OR email LIKE 'cadence-%'");
  sender?.kill('SIGKILL');
  await smtp.close();
  rmSync(mailDir, { recursive: true, force: true });
});

/** Runs one sender to its end (or its death): its report, or null when killed. */
function runSender(): Promise<{ busy: boolean; sent: number } | null> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=react-server', path.join(root, 'tests/integration/newsletter/deliver-once.ts')], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: TEST_SECRET, EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`, NEWSLETTER_RATE: '1000', SITE_URL: 'http://127.0.0.1:3999' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    sender = child;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return resolve(null);
      if (code !== 0) return reject(new Error(`Le processus d’envoi a échoué (${code}) :\n${output}`));
      resolve(JSON.parse(output.trim().split('\n').at(-1) ?? 'null') as { busy: boolean; sent: number });
    });
  });
}

describe('sending the letter', () => {
  it('sends 1,000 subscribers exactly one e-mail each, across two senders killed midway', async () => {
    const emails = Array.from({ length: COUNT }, (_, i) => `envoi-${String(i).padStart(4, '0')}@exemple.fr`);
    await query("INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) SELECT unnest($1::text[]), 'weekly', now()", [emails]);
    // The digest of the week before Monday 5 October 2026, 8:00 in Paris (archive-01 to -05).
    const created = await createDueSends(new Date('2026-10-05T06:01:00Z'));
    const digest = created.find((send) => send.kind === 'digest');
    expect(digest?.recipients).toBeGreaterThanOrEqual(COUNT);

    const runs: ({ busy: boolean; sent: number } | null)[] = [];
    for (let attempt = 0; attempt < 10 && runs.filter((run) => run && !run.busy).length === 0; attempt++) {
      runs.push(await runSender());
      // A killed sender's session may take a moment to end on the server (its lock with it).
      if (runs.at(-1)?.busy) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(runs.filter((run) => run === null)).toHaveLength(2);

    const received = readMails(mailDir).flatMap((mail) => mail.to).filter((to) => to.startsWith('envoi-'));
    const counts = new Map<string, number>();
    for (const to of received) counts.set(to, (counts.get(to) ?? 0) + 1);
    expect(counts.size).toBe(COUNT);
    expect([...counts.values()].filter((count) => count !== 1)).toEqual([]);
    const [send] = await query<{ recipients: number; sent: number; failed: number; finished_at: Date | null }>('SELECT recipients, sent, failed, finished_at FROM newsletter_sends WHERE id = $1', [digest?.id]);
    expect(send).toMatchObject({ sent: send?.recipients, failed: 0 });
    expect(send?.finished_at).toBeInstanceOf(Date);
    expect(await query("SELECT status, count(*)::int AS n FROM newsletter_deliveries WHERE send_id = $1 GROUP BY status", [digest?.id])).toEqual([{ status: 'sent', n: send?.recipients }]);
  });

  it('keeps to NEWSLETTER_RATE e-mails a second', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `cadence-${String(i).padStart(2, '0')}@exemple.fr`);
    await query("INSERT INTO newsletter_subscribers (email, rhythm, confirmed_at) SELECT unnest($1::text[]), 'each', now()", [emails]);
    // archive-01 and archive-02 fall due together: two letters for each of the 40.
    const created = await createDueSends(new Date('2026-10-02T00:00:00Z'));
    expect(created.filter((send) => send.kind === 'piece')).toHaveLength(2);
    const transport = pacedTransport(40);
    try {
      const report = await deliverPending(new Date('2026-10-02T00:00:00Z'), transport);
      expect(report.sent).toBeGreaterThanOrEqual(80);
    } finally {
      transport?.close();
    }
    const times = readMails(serverMailDir).filter((mail) => mail.to.some((to) => to.startsWith('cadence-'))).map((mail) => mail.receivedAt);
    expect(times).toHaveLength(80);
    // 80 e-mails at 40 a second cannot take less than (80 - 40) / 40 = 1 s after the first second.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(950);
  });
});
