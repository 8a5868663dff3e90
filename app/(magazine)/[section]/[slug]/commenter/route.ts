import { REFUSALS_WITH_TEXT, refusedCommentPage } from '@/lib/http/closed-form-page';
import { handleFormPost, seeOther } from '@/lib/http/form-posts';
import { ApiError } from '@/lib/errors';
import { parseInput, readerOf, withReaderCookie, writerOf } from '@/lib/http/api';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { commentAs } from '@/lib/readers/writes';
import { commentInputSchema } from '@/lib/readers/comment-schemas';

type Context = { params: Promise<{ section: string; slug: string }> };

// The comment form, sent without JavaScript: the same rules as the server action behind it.
export async function POST(request: Request, { params }: Context) {
  return handleFormPost(request, params, 'commentaire', async ({ pieceKey, fields, back }) => {
    const field = (name: string) => fields.get(name) ?? undefined;
    const input = parseInput(commentInputSchema, {
      author: field('author'),
      email: field('email'),
      body: field('body'),
      website: field('website'),
      notify: fields.get('notify') === 'on',
    });
    const reader = await readerOf(request, { create: true });
    const comment = await commentAs(writerOf(reader), pieceKey, input, fields.get('startedAt')).catch((error: unknown) => {
      if (error instanceof ApiError && REFUSALS_WITH_TEXT.includes(error.code)) return error;
      throw error;
    });
    if (comment instanceof ApiError) return withReaderCookie(refusedCommentPage(back, input.body, comment), reader);
    revalidatePiece(pieceKey);
    if (comment.status === 'published') return seeOther(`${back}#commentaire-${comment.id}`, reader);
    return seeOther(`${back}#commentaire-pending`, reader);
  });
}
