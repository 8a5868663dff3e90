import { requireCommentId } from '@/lib/http/path-params';
import { deleteComment, editComment } from '@/lib/readers/comments';
import { env } from '@/lib/env';
import { ApiError } from '@/lib/errors';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody } from '@/lib/http/api';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { consumeRateLimit } from '@/lib/readers/rate-limits';
import { commentEditSchema } from '@/lib/readers/comment-schemas';

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
