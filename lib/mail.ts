import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/env';

export type Mail = { to: string; subject: string; text: string; headers?: Record<string, string> };

let transport: Transporter | null | undefined;

function transporter(): Transporter | null {
  if (transport === undefined) transport = env.EMAIL_SERVER ? nodemailer.createTransport(env.EMAIL_SERVER) : null;
  return transport;
}

/** Sends an email; with no EMAIL_SERVER (the embedded default) it is printed in the server log instead. */
export async function sendMail(mail: Mail): Promise<void> {
  const smtp = transporter();
  if (!smtp) {
    console.log(
      `\n┌─ E-mail (EMAIL_SERVER n’est pas défini : il est affiché ici au lieu d’être envoyé)\n│ À : ${mail.to}\n│ Objet : ${mail.subject}\n│\n${mail.text
        .split('\n')
        .map((line) => `│ ${line}`)
        .join('\n')}\n└─\n`,
    );
    return;
  }
  await smtp.sendMail({ from: env.EMAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
}
