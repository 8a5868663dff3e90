import { handleFormPost, seeOther } from '@/lib/http/form-posts';
import { commentIdOf } from '@/lib/http/path-params';
import { readerOf, writerOf } from '@/lib/http/api';
import { ApiError, MESSAGES } from '@/lib/errors';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { reactionState, reactToComment } from '@/lib/readers/reactions';

type Context = { params: Promise<{ section: string; slug: string }> };

// « Utile », sent without JavaScript: the static page cannot know whether this reader's « Utile »
// is already on the comment, so the form toggles it.
export async function POST(request: Request, { params }: Context) {
  return handleFormPost(request, params, 'utile', async ({ pieceKey, fields, back }) => {
    const id = commentIdOf(fields.get('commentaire') ?? '');
    const reader = await readerOf(request, { create: true });
    const writer = writerOf(reader);
    // A comment of another piece is no comment of this one: refused before anything is written.
    const state = await reactionState(id, writer.readerKey);
    if (state?.pieceKey !== pieceKey) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
    await reactToComment(id, writer, !state.reacted);
    revalidatePiece(pieceKey);
    return seeOther(`${back}#commentaire-${id}`, reader);
  });
}
