import { draftMode } from 'next/headers';
import { currentAccount } from '@/lib/accounts/session';
import { getPiece } from '@/lib/content';
import { sectionFromParam } from '@/lib/content/sections';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { handleApi } from '@/lib/http/api';

// /api/preview?secret=…&slug=interviews/… (or as an editor, without the secret): turns on Next's
// draft mode for this browser and opens the piece as it will look, drafts and future pieces included.
export async function GET(request: Request) {
  return handleApi(async () => {
    const query = new URL(request.url).searchParams;
    const secret = query.get('secret');
    const allowed = (env.PREVIEW_SECRET !== undefined && secret === env.PREVIEW_SECRET) || Boolean((await currentAccount())?.isEditor);
    if (!allowed) throw new ApiError('not_editor', 'L’aperçu est réservé à la rédaction (connectez-vous, ou utilisez le lien secret).');
    const [sectionParam = '', slug = ''] = (query.get('slug') ?? '').split('/');
    const section = sectionFromParam(sectionParam);
    (await draftMode()).enable();
    const found = section ? await getPiece(section, slug) : null;
    if (!found) {
      (await draftMode()).disable();
      throw new ApiError('piece_not_found', 'Aucun contenu à ce chemin (interviews/… ou articles/…).');
    }
    return new Response(null, { status: 307, headers: { location: found.piece.url } });
  });
}
