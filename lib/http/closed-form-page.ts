import 'server-only';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { MESSAGES } from '@/lib/errors';

// A comment sent without JavaScript to a piece whose comments closed meanwhile: the static page
// cannot show the reader's text again, so this answer does (403, with the text to copy), rather
// than a notice that would lose it.

/** The 403 page that gives a reader back the comment they could not publish. */
export function closedCommentPage(back: string, text: string): Response {
  const tree = h('html', { lang: 'fr' }, [
    h('head', [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'robots', content: 'noindex' }),
      h('title', 'Commentaires fermés — Place des Réseaux'),
    ]),
    h('body', { style: 'font-family: Georgia, serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5' }, [
      h('main', [
        h('h1', MESSAGES.commentsClosed),
        h('p', 'Votre commentaire n’a pas été publié. Le voici, pour que vous puissiez le garder :'),
        h('p', [h('label', { for: 'texte' }, 'Votre texte'), h('br'), h('textarea', { id: 'texte', readOnly: true, rows: 10, style: 'width: 100%' }, text)]),
        h('p', [h('a', { href: `${back}#commentaires` }, 'Retour au contenu')]),
      ]),
    ]),
  ]);
  return new Response(`<!doctype html>${toHtml(tree)}`, {
    status: 403,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });
}
