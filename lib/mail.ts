import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import mimeFuncs from 'nodemailer/lib/mime-funcs';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';
import { logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

/** What an e-mail is for, counted by `magazine_email_sent_total{kind}`. */
export type MailKind = 'signin' | 'subscription' | 'letter' | 'letter_test' | 'reply' | 'desk_alert' | 'held_comment' | 'desk_message' | 'statement' | 'notice_receipt' | 'notice_decision';

/** An e-mail: a plain-text part always, an HTML part when it has one. */
export type Mail = {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Where the reader's answer goes: the desk's address for what the desk writes (EDITOR_REPLY_TO). */
  replyTo?: string;
  headers?: Record<string, string>;
  /** A mailing list's List-ID (RFC 2919): `name <id>`, the name encoded alone when it needs to be. */
  listId?: { id: string; name: string };
};

const CONNECT_TIMEOUT_MS = 10_000;

// The connection to the SMTP server, opened here rather than by nodemailer: Nagle's algorithm held
// the end of every message until the server's delayed ACK (45 ms an e-mail on 127.0.0.1, 3 ms
// without it), so it is turned off.
const openSocket: NonNullable<SMTPPool.Options['getSocket']> = (options, callback) => {
  const connection = net.connect({ host: options.host ?? 'localhost', port: Number(options.port) || (options.secure ? 465 : 587), noDelay: true, timeout: CONNECT_TIMEOUT_MS });
  const failed = (error: Error) => callback(error, { connection });
  const timedOut = () => connection.destroy(Object.assign(new Error(`Serveur d’e-mail injoignable en ${CONNECT_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' }));
  connection.once('error', failed).once('timeout', timedOut).once('connect', () => {
    connection.off('error', failed).off('timeout', timedOut).setTimeout(0);
    callback(null, { connection });
  });
};

// nodemailer reads nothing but the URL when given one: its options are spelled out from it.
const smtpOptions = (url: string) => ({ ...parseConnectionUrl(url), getSocket: openSocket });

let transport: Transporter | null | undefined;

function transporter(): Transporter | null {
  if (transport === undefined) transport = env.EMAIL_SERVER ? nodemailer.createTransport(smtpOptions(env.EMAIL_SERVER)) : null;
  return transport;
}

/**
 * A transport for many e-mails: one pooled SMTP connection that nodemailer keeps under
 * `perSecond` messages a second; null without EMAIL_SERVER (e-mails are then kept in DATA_DIR/outbox/).
 */
export function pacedTransport(perSecond: number): Transporter | null {
  if (!env.EMAIL_SERVER) return null;
  return nodemailer.createTransport({ ...smtpOptions(env.EMAIL_SERVER), pool: true, maxConnections: 1, rateDelta: 1000, rateLimit: perSecond });
}

/** The e-mail as a person reads it: its headers, then its text. */
function readable(mail: Mail): string {
  return [`À : ${mail.to}`, ...(mail.replyTo ? [`Répondre à : ${mail.replyTo}`] : []), `Objet : ${mail.subject}`, '', mail.text, ''].join('\n');
}

/**
 * Without EMAIL_SERVER, an e-mail is kept in DATA_DIR/outbox/, one file each (readable by this
 * account only: a sign-in link is in it), and never in the log, which names only the file. Under
 * `npm run dev` it is also printed, for the developer to follow its link.
 */
function kept(mail: Mail): void {
  const dir = path.join(env.DATA_DIR, 'outbox');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${randomBytes(3).toString('hex')}.txt`);
  writeFileSync(file, readable(mail), { mode: 0o600 });
  logger('mail').info({ kind: mail.kind, file }, `e-mail « ${mail.kind} » écrit dans ${file} au lieu d’être envoyé (EMAIL_SERVER n’est pas défini)`);
  if (env.NODE_ENV === 'development') {
    console.log(`\n┌─ E-mail (EMAIL_SERVER n’est pas défini : il est affiché ici au lieu d’être envoyé)\n${readable(mail).trimEnd().split('\n').map((line) => `│ ${line}`).join('\n')}\n└─\n`);
  }
}

/** Sends an email; with no EMAIL_SERVER (the embedded default) it is kept in DATA_DIR/outbox/ instead (see `kept`). */
export async function sendMail(mail: Mail, through: Transporter | null = transporter()): Promise<void> {
  const { emails } = metrics();
  if (!through) {
    emails.inc({ kind: mail.kind, result: 'printed' });
    return kept(mail);
  }
  // Written out here: nodemailer's own `list.id` makes it `<http://…>`, which is no list id.
  const listId = mail.listId && { 'List-ID': { prepared: true, value: `${mimeFuncs.encodeWord(mail.listId.name, 'Q', 52)} <${mail.listId.id}>` } };
  try {
    await through.sendMail({ from: env.EMAIL_FROM, to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, html: mail.html, headers: { ...mail.headers, ...listId } });
  } catch (error) {
    emails.inc({ kind: mail.kind, result: 'failed' });
    throw error;
  }
  emails.inc({ kind: mail.kind, result: 'sent' });
}
