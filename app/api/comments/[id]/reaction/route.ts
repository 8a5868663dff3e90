import { requireCommentId } from '@/lib/http/path-params';
import { assertSameOrigin, handleApi, json, readerOf, withReaderCookie, writerOf } from '@/lib/http/api';
import { revalidatePiece } from '@/lib/readers/piece-cache';
import { reactToComment } from '@/lib/readers/reactions';

type Context = { params: Promise<{ id: string }> };

// « Utile » on a comment: PUT gives it, DELETE withdraws it (both idempotent); the answer is the new count.
async function react(request: Request, params: Context['params'], on: boolean): Promise<Response> {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const reader = await readerOf(request, { create: true });
    const { pieceKey, ...answer } = await reactToComment(id, writerOf(reader), on);
    revalidatePiece(pieceKey);
    return withReaderCookie(json(answer), reader);
  });
}

export async function PUT(request: Request, { params }: Context) {
  return react(request, params, true);
}

export async function DELETE(request: Request, { params }: Context) {
  return react(request, params, false);
}
