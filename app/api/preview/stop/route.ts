import { draftMode } from 'next/headers';

/** Leaves the preview: back to what readers see. */
export async function GET(request: Request) {
  (await draftMode()).disable();
  const back = new URL(request.url).searchParams.get('retour') ?? '/';
  return new Response(null, { status: 307, headers: { location: back.startsWith('/') && !back.startsWith('//') ? back : '/' } });
}
