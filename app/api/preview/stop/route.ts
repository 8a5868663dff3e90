import { draftMode } from 'next/headers';

/** Leaves the preview: back to what readers see. */
export async function GET(request: Request) {
  (await draftMode()).disable();
  const back = new URL(request.url).searchParams.get('retour') ?? '/';
  // A path of the magazine only: « //site » and « /\site » are read by browsers as another site.
  return new Response(null, { status: 307, headers: { location: /^\/(?![/\\])/.test(back) ? back : '/' } });
}
