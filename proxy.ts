import { NextResponse, type NextRequest } from 'next/server';
import { accountFromSessionToken, SESSION_COOKIES } from '@/lib/accounts/session';
import { NOT_FOUND_PATH } from '@/lib/content/known-paths';
import { noticeTarget } from '@/lib/desk/notice-target';
import { env } from '@/lib/env';
import { isForeignOrigin } from '@/lib/http/origin';

// The editors' desk answers 401 to a visitor and 403 to a reader, as real HTTP statuses: its
// pages stream, so the check must happen before rendering starts. (Navigations inside the app
// go on to the desk's layout, which shows the same refusal.)
// « Signaler un contenu illicite » about a comment that is not published is a real 404 too, for
// the same reason (a notFound() from the page comes after the status).
// Server actions (requests carrying `Next-Action`) from another origin are refused here with a
// 403 and a French message, as the API's writes are (Next would abort them with a 500).
export const config = {
  matcher: ['/redaction', '/redaction/:path*', '/signalement', { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }],
};

const page = (status: 401 | 403) => {
  const [title, text, link] =
    status === 401
      ? ['Connexion nécessaire', 'La modération est réservée à la rédaction. Connectez-vous avec votre adresse e-mail : vous recevrez un lien.', '<a href="/connexion">Se connecter</a>']
      : ['Accès réservé à la rédaction', 'Votre compte n’a pas accès à la modération. Si vous faites partie de la rédaction, demandez à un administrateur de vous y donner accès.', '<a href="/">Retour à l’accueil</a>'];
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title} · Place des Réseaux</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><main><p>Erreur ${status}</p><h1>${title}</h1><p>${text}</p><p>${link}</p></main></body></html>`;
};

export async function proxy(request: NextRequest) {
  if (request.headers.has('next-action')) {
    const own = [request.nextUrl.origin, new URL(env.SITE_URL).origin];
    if (!isForeignOrigin(request.headers, own)) return NextResponse.next();
    return Response.json(
      { error: { code: 'forbidden_origin', message: 'Cette action doit être faite depuis le site Place des Réseaux lui-même.' } },
      { status: 403 },
    );
  }
  if (request.nextUrl.pathname === '/signalement') {
    const published = await noticeTarget(request.nextUrl.searchParams.get('commentaire') ?? '').catch(() => true);
    return published ? NextResponse.next() : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url));
  }
  if (!request.nextUrl.pathname.startsWith('/redaction') || request.headers.has('rsc')) return NextResponse.next();
  const token = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find((value) => value !== undefined);
  const account = await accountFromSessionToken(token).catch(() => null);
  if (account?.isEditor) return NextResponse.next();
  const status = account ? 403 : 401;
  return new Response(page(status), { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
}
