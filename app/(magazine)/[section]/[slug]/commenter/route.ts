import { requirePieceKey } from '@/lib/api-pieces';
import { formFailure, seeOther } from '@/lib/form-posts';
import { assertSameOrigin, parseInput, readerOf, readFormBody, writerOf } from '@/lib/http';
import { revalidatePiece } from '@/lib/piece-data';
import { commentAs } from '@/lib/reader-writes';
import { commentInputSchema } from '@/lib/validations/comment';

type Context = { params: Promise<{ section: string; slug: string }> };

// The comment form, sent without JavaScript: the same rules as the server action behind it.
export async function POST(request: Request, { params }: Context) {
  const { section, slug } = await params;
  const back = `/${section}/${slug}`;
  try {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const form = await readFormBody(request);
    const field = (name: string) => form.get(name) ?? undefined;
    const input = parseInput(commentInputSchema, {
      author: field('author'),
      email: field('email'),
      body: field('body'),
      website: field('website'),
      notify: form.get('notify') === 'on',
    });
    const reader = await readerOf(request, { create: true });
    const comment = await commentAs(writerOf(reader), pieceKey, input, form.get('startedAt'));
    revalidatePiece(pieceKey);
    if (comment.status === 'published') return seeOther(`${back}#commentaire-${comment.id}`, reader);
    return seeOther(`${back}#commentaire-pending`, reader);
  } catch (error) {
    return formFailure(error, back, 'commentaire');
  }
}
