import { handleFormPost, seeOther } from '@/lib/http/form-posts';
import { readerOf, writerOf } from '@/lib/http/api';
import { ApiError, MESSAGES } from '@/lib/errors';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { hasReacted, reactToComment } from '@/lib/readers/reactions';

type Context = { params: Promise<{ section: string; slug: string }> };

// « Utile », sent without JavaScript: the static page cannot know whether this reader's « Utile »
// is already on the comment, so the form toggles it.
export async function POST(request: Request, { params }: Context) {
  return handleFormPost(request, params, 'utile', async ({ pieceKey, fields, back }) => {
    const id = fields.get('commentaire') ?? '';
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
    const reader = await readerOf(request, { create: true });
    const writer = writerOf(reader);
    const answer = await reactToComment(id, writer, !(await hasReacted(id, writer.readerKey)));
    if (answer.pieceKey !== pieceKey) throw new ApiError('comment_not_found', MESSAGES.commentNotFound);
    revalidatePiece(pieceKey);
    return seeOther(`${back}#commentaire-${id}`, reader);
  });
}
