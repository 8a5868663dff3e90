import { requireCommentId } from '@/lib/api-pieces';
import { deleteComment, editComment } from '@/lib/comments';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody } from '@/lib/http';
import { revalidatePiece } from '@/lib/piece-data';
import { consumeRateLimit } from '@/lib/rate-limit';
import { commentEditSchema } from '@/lib/validations/comment';

type Context = { params: Promise<{ id: string }> };

function notAuthor(): never {
  throw new ApiError('not_author', 'Seul l’auteur d’un commentaire peut le modifier ou le supprimer, depuis le navigateur où il l’a écrit.');
}

export async function PATCH(request: Request, { params }: Context) {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const { body } = parseInput(commentEditSchema, await readJsonBody(request));
    const reader = await readerOf(request, { create: false });
    if (!reader.readerKey) notAuthor();
    await consumeRateLimit('comment', { readerKey: reader.readerKey, addressKey: reader.addressKey });
    const { comment, pieceKey } = await editComment(id, body, reader.readerKey, {
      moderation: { mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS },
    });
    revalidatePiece(pieceKey);
    return json({ comment });
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const reader = await readerOf(request, { create: false });
    if (!reader.readerKey) notAuthor();
    const { pieceKey } = await deleteComment(id, reader.readerKey);
    revalidatePiece(pieceKey);
    return json({ deleted: true });
  });
}
