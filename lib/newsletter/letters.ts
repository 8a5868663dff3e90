import 'server-only';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import type { Mail } from '@/lib/mail';
import { CONFIRMATION_DAYS } from './links';
import { RHYTHM_LABELS, type Rhythm } from './newsletter-schemas';

// The e-mails of the letter, each in plain text and in HTML. The HTML is a hast tree serialised
// by hast-util-to-html (the serialiser of the content pipeline): every text, an address typed by a
// reader included, is escaped by it. Written for mail clients: one column of at most 600 pixels,
// inline styles (a client that drops <style> still shows it right), no image (nothing lost with
// images off, no tracking pixel), dark mode by the client's own preference.

/** A piece as a letter presents it. */
export type LetterPiece = { url: string; title: string; summary: string; author: string; kind: string; publishedAt: Date };

/** Where a recipient's letter sends them to leave. */
export type Leaving = { page: string; oneClick: string; rhythm: Rhythm };

const MAGAZINE = 'Place des Réseaux';
const FONT = 'Georgia, "Times New Roman", serif';
const SANS = '-apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const INK = '#1c1b19';
const MUTED = '#55514a';
const ACCENT = '#9d2b1f';

const CSS = `
body { margin: 0; padding: 0; }
a { color: ${ACCENT}; }
@media (max-width: 620px) { .lettre { padding: 20px 16px !important; } .lettre h1 { font-size: 24px !important; } }
@media (prefers-color-scheme: dark) {
  body, .fond { background: #151412 !important; }
  .lettre { background: #211f1c !important; color: #eeeae3 !important; }
  .lettre a { color: #f08a76 !important; }
  .lettre .bouton { background: #f08a76 !important; color: #151412 !important; }
  .lettre .discret { color: #b7b0a4 !important; }
}`;

const link = (href: string) => new URL(href, env.SITE_URL).href;

/**
 * A piece's link in a letter: the audience counts its readers under « La lettre » and the send
 * (utm_campaign), and the page's script takes both out of the address bar (lib/audience).
 */
export const letterLink = (piece: Pick<LetterPiece, 'url'>, send: string) =>
  `${link(piece.url)}?${new URLSearchParams({ utm_source: 'lettre', utm_medium: 'email', utm_campaign: send })}`;

function page(title: string, preheader: string, content: ElementContent[], footer: ElementContent[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'fr' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'color-scheme', content: 'light dark' }),
          h('title', title),
          h('style', CSS),
        ]),
        h('body', { className: ['fond'], style: 'margin:0;padding:0;background:#f3efe7;' }, [
          // What mail clients show after the subject in the list of messages.
          h('div', { style: 'display:none;max-height:0;overflow:hidden;' }, preheader),
          // Outlook for Windows knows no max-width: a 600-pixel table only it reads.
          { type: 'comment', value: '[if mso]><table role="presentation" width="600" align="center"><tr><td><![endif]' },
          h('div', { className: ['lettre'], style: `max-width:600px;margin:0 auto;padding:32px 28px;background:#fdfcf9;color:${INK};font-family:${FONT};font-size:17px;line-height:1.55;` }, [
            h('p', { style: `margin:0 0 24px;font-family:${SANS};font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:${ACCENT};` }, [
              h('a', { href: link('/'), style: `color:${ACCENT};text-decoration:none;font-weight:bold;` }, MAGAZINE),
              ' — La lettre',
            ]),
            ...content,
            h('div', { className: ['discret'], style: `margin-top:32px;padding-top:16px;border-top:1px solid #d9d3c7;font-family:${SANS};font-size:13px;line-height:1.5;color:${MUTED};` }, footer),
          ]),
          { type: 'comment', value: '[if mso]></td></tr></table><![endif]' },
        ]),
      ]),
    ],
  };
  return toHtml(tree);
}

const paragraph = (...children: (string | Element)[]) => h('p', { style: 'margin:0 0 16px;' }, children);

const button = (href: string, label: string, description: string) =>
  h('p', { style: 'margin:16px 0 0;' }, [
    h('a', { className: ['bouton'], href, 'aria-label': description, style: `display:inline-block;padding:10px 20px;border-radius:6px;background:${ACCENT};color:#ffffff;font-family:${SANS};font-size:15px;font-weight:bold;text-decoration:none;` }, label),
  ]);

const byline = (piece: LetterPiece) => `${piece.kind} · par ${piece.author} · ${formatDate(piece.publishedAt.toISOString())}`;

function pieceBlock(piece: LetterPiece, level: 'h1' | 'h2', send: string): Element {
  return h('div', { style: 'margin:0 0 28px;' }, [
    h(level, { style: `margin:0 0 8px;font-size:${level === 'h1' ? 28 : 22}px;line-height:1.25;` }, [h('a', { href: letterLink(piece, send), style: `color:${INK};text-decoration:none;` }, piece.title)]),
    h('p', { className: ['discret'], style: `margin:0 0 12px;font-family:${SANS};font-size:13px;color:${MUTED};` }, byline(piece)),
    h('p', { style: 'margin:0;' }, piece.summary),
    button(letterLink(piece, send), 'Lire', `Lire « ${piece.title} »`),
  ]);
}

function leavingFooter(leaving: Leaving): ElementContent[] {
  return [
    h('p', { style: 'margin:0 0 8px;' }, `Vous recevez la lettre de ${MAGAZINE} ${RHYTHM_LABELS[leaving.rhythm]}, parce que vous vous y êtes inscrit et l’avez confirmé.`),
    h('p', { style: 'margin:0;' }, [h('a', { href: leaving.page }, 'Se désinscrire en un clic'), ' (sans compte ni mot de passe).']),
  ];
}

const leavingText = (leaving: Leaving) => [
  '—',
  `Vous recevez la lettre de ${MAGAZINE} ${RHYTHM_LABELS[leaving.rhythm]}, parce que vous vous y êtes inscrit et l’avez confirmé.`,
  `Se désinscrire en un clic : ${leaving.page}`,
];

const pieceText = (piece: LetterPiece, send: string) => [piece.title, byline(piece), '', piece.summary, '', `Lire : ${letterLink(piece, send)}`];

/** RFC 8058: mail clients show their own « unsubscribe » and post to it without opening a page. */
const leavingHeaders = (leaving: Leaving) => ({ 'List-Unsubscribe': `<${leaving.oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
/** What mail clients filter the letter by (List-ID). */
const LIST_ID = () => ({ id: `lettre.${new URL(env.SITE_URL).hostname}`, name: `La lettre de ${MAGAZINE}` });

/** The e-mail announcing one new piece; `send` names it in the audience (its send's id). */
export function pieceLetter(to: string, piece: LetterPiece, leaving: Leaving, send: string): Mail {
  const subject = `${piece.kind} : ${piece.title}`;
  return {
    kind: 'letter',
    to,
    subject,
    text: ['Nouveau sur Place des Réseaux', '', ...pieceText(piece, send), '', ...leavingText(leaving)].join('\n'),
    html: page(subject, piece.summary, [pieceBlock(piece, 'h1', send)], leavingFooter(leaving)),
    headers: leavingHeaders(leaving),
    listId: LIST_ID(),
  };
}

/** The Monday digest: the pieces published in the week before `weekOf`; `send` as for pieceLetter. */
export function digestLetter(to: string, pieces: readonly LetterPiece[], weekOf: Date, leaving: Leaving, send: string): Mail {
  const count = pieces.length === 1 ? 'Une parution' : `${pieces.length} parutions`;
  const subject = `La semaine de Place des Réseaux : ${count} jusqu’au ${formatDate(weekOf.toISOString())}`;
  return {
    kind: 'letter',
    to,
    subject,
    text: [`La semaine de Place des Réseaux : ${count.toLowerCase()}`, '', ...pieces.flatMap((piece) => ['', ...pieceText(piece, send), '']), ...leavingText(leaving)].join('\n'),
    html: page(subject, pieces.map((piece) => piece.title).join(' · '), [
      h('h1', { style: 'margin:0 0 24px;font-size:28px;line-height:1.25;' }, `La semaine : ${count.toLowerCase()}`),
      ...pieces.map((piece) => pieceBlock(piece, 'h2', send)),
    ], leavingFooter(leaving)),
    headers: leavingHeaders(leaving),
    listId: LIST_ID(),
  };
}

/**
 * The e-mail of the double opt-in: nothing is sent to `to` before its link is followed. `current`
 * is the rhythm the address already receives, when it asks for another one.
 */
export function confirmationMail(to: string, rhythm: Rhythm, confirmLink: string, current?: Rhythm): Mail {
  const asked = current
    ? `Cette adresse reçoit déjà la lettre de ${MAGAZINE} ${RHYTHM_LABELS[current]}. Quelqu’un, sans doute vous, a demandé à la recevoir désormais ${RHYTHM_LABELS[rhythm]}.`
    : `Quelqu’un, sans doute vous, a demandé à recevoir la lettre de ${MAGAZINE} ${RHYTHM_LABELS[rhythm]} à l’adresse ${to}.`;
  const ignore = current
    ? 'Si ce n’est pas vous, ignorez ce message : rien ne change.'
    : `Si ce n’est pas vous, ignorez ce message : sans confirmation, nous ne vous écrirons plus et l’adresse sera oubliée dans ${CONFIRMATION_DAYS} jours.`;
  const subject = current ? 'Confirmez le nouveau rythme de votre lettre Place des Réseaux' : 'Confirmez votre inscription à la lettre de Place des Réseaux';
  return {
    kind: 'subscription',
    to,
    subject,
    text: ['Bonjour,', '', asked, '', `Pour confirmer, ouvrez ce lien (valable ${CONFIRMATION_DAYS} jours) :`, confirmLink, '', ignore].join('\n'),
    html: page(subject, 'Un clic pour confirmer.', [
      h('h1', { style: 'margin:0 0 16px;font-size:26px;line-height:1.25;' }, current ? 'Confirmez le nouveau rythme' : 'Confirmez votre inscription'),
      paragraph(asked),
      button(confirmLink, 'Confirmer', 'Confirmer mon inscription à la lettre'),
      h('p', { className: ['discret'], style: `margin:16px 0 0;font-family:${SANS};font-size:13px;color:${MUTED};` }, `Le lien est valable ${CONFIRMATION_DAYS} jours. Il s’ouvre aussi en le copiant : ${confirmLink}`),
    ], [h('p', { style: 'margin:0;' }, ignore)]),
  };
}
