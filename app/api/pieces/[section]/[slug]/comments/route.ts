import { requirePieceKey } from '@/lib/api-pieces';
import { createComment, decodeCursor } from '@/lib/comments';
import { env } from '@/lib/env';
import { ApiError, MESSAGES } from '@/lib/errors';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie } from '@/lib/http';
import { cachedCommentPage, revalidatePiece } from '@/lib/piece-data';
import { consumeRateLimit } from '@/lib/rate-limit';
import { commentInputSchema } from '@/lib/validations/comment';

type Context = { params: Promise<{ section: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const cursor = new URL(request.url).searchParams.get('cursor') || null;
    // Checked here: an error thrown inside the cached read would become a 500.
    if (cursor) decodeCursor(cursor);
    const page = await cachedCommentPage(pieceKey, cursor);
    if (!page) throw new ApiError('database_unavailable', MESSAGES.databaseUnavailable);
    return json(page);
  });
}

export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const input = parseInput(commentInputSchema, await readJsonBody(request));
    const reader = readerOf(request, { create: true });
    const writer = { readerKey: reader.readerKey ?? '', addressKey: reader.addressKey };
    await consumeRateLimit('comment', writer);
    const comment = await createComment(pieceKey, input, writer, {
      moderation: { mode: env.COMMENT_MODERATION, maxLinks: env.COMMENT_MAX_LINKS },
    });
    revalidatePiece(pieceKey);
    return withReaderCookie(json({ comment }, { status: 201 }), reader);
  });
}
