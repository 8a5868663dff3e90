import { isUnsubscribeToken, unsubscribeFromReplies } from '@/lib/desk/notifications';

// One click from the email (or its List-Unsubscribe-Post): no sign-in, the signed link suffices.
export async function POST(request: Request) {
  const url = new URL(request.url);
  const form = new URLSearchParams(await request.text().catch(() => ''));
  const comment = form.get('commentaire') ?? url.searchParams.get('commentaire') ?? '';
  const token = form.get('jeton') ?? url.searchParams.get('jeton') ?? '';
  const valid = /^[0-9a-f-]{36}$/i.test(comment) && isUnsubscribeToken(comment, token);
  if (valid) await unsubscribeFromReplies(comment);
  return new Response(null, { status: 303, headers: { location: `/desabonnement?${valid ? 'fait=1' : 'erreur=1'}` } });
}
