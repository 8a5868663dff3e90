import { MAX_BODY_BYTES, readFormBody } from '@/lib/http/api';
import { seeOther } from '@/lib/http/form-posts';
import { noticeOfFailure } from '@/lib/http/newsletter-requests';
import { unsubscribe } from '@/lib/newsletter/subscriptions';

// Leaving the letter without signing in: the button of /lettre/desinscription, or a mail client's
// one-click unsubscription (RFC 8058: a POST of `List-Unsubscribe=One-Click` to the header's
// address, from the mail provider's servers, so with no Origin to check: the signed link suffices).
// Mail providers post either encoding RFC 8058 allows: urlencoded, or multipart/form-data.
async function oneClickFields(request: Request): Promise<URLSearchParams> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')) return readFormBody(request);
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return new URLSearchParams();
  const data = await request.formData();
  return new URLSearchParams([...data].flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])));
}

export async function POST(request: Request) {
  const url = new URL(request.url);
  let oneClick = false;
  try {
    const form = await oneClickFields(request);
    oneClick = form.get('List-Unsubscribe') === 'One-Click';
    const subscriberId = form.get('abonne') ?? url.searchParams.get('abonne') ?? '';
    const token = form.get('jeton') ?? url.searchParams.get('jeton') ?? '';
    const done = await unsubscribe(subscriberId, token);
    if (oneClick) return new Response(done ? 'Désinscription faite : vous ne recevrez plus la lettre.\n' : 'Lien de désinscription invalide.\n', { status: done ? 200 : 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    return seeOther(`/lettre/desinscription?resultat=${done ? 'fait' : 'invalide'}`);
  } catch (error) {
    const notice = noticeOfFailure(error);
    if (oneClick) return new Response('La désinscription n’a pas pu être enregistrée ; réessayez plus tard.\n', { status: notice === 'indisponible' ? 503 : 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    return seeOther(`/lettre/desinscription?resultat=${notice}`);
  }
}
