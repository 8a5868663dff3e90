import 'server-only';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { MESSAGES, type ApiError } from '@/lib/errors';

// A comment sent without JavaScript and refused in a way the static page cannot tell (its
// comments closed meanwhile, a suspension with its end, a term the desk refuses): this answer
// says why and gives the reader their text back to copy, rather than a notice that would lose it.

const TITLES: Partial<Record<ApiError['code'], string>> = {
  comments_closed: MESSAGES.commentsClosed,
  banned: 'Vous ne pouvez pas commenter pour l’instant',
  refused_term: 'Votre commentaire n’a pas été publié',
};

/** The error codes a comment sent without JavaScript is answered with this page for. */
export const REFUSALS_WITH_TEXT: readonly ApiError['code'][] = ['comments_closed', 'banned', 'refused_term'];

/** The page (the error's status) that says why a comment was refused and gives its text back. */
export function refusedCommentPage(back: string, text: string, error: ApiError): Response {
  const title = TITLES[error.code] ?? 'Votre commentaire n’a pas été publié';
  const tree = h('html', { lang: 'fr' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'robots', content: 'noindex' }),
      h('title', `${title} — Place des Réseaux`),
    ]),
    h('body', { style: 'font-family: Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5' }, [
      h('main', [
        h('h1', title),
        ...(error.message !== title ? [h('p', error.message)] : []),
        h('p', 'Votre commentaire n’a pas été publié. Le voici, pour que vous puissiez le garder :'),
        h('p', [h('label', { for: 'texte' }, 'Votre texte'), h('br'), h('textarea', { id: 'texte', readOnly: true, rows: 10, style: 'width: 100%' }, text)]),
        h('p', [h('a', { href: '/charte' }, 'La charte des commentaires'), ' · ', h('a', { href: `${back}#commentaires` }, 'Retour au contenu')]),
      ]),
    ]),
  ]);
  return new Response(`<!doctype html>${toHtml(tree)}`, {
    status: error.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
