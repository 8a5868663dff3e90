import { requirePieceKey } from '@/lib/http/path-params';
import { cursorPosition } from '@/lib/readers/comment-cursor';
import { ApiError, MESSAGES } from '@/lib/errors';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie, writerOf } from '@/lib/http/api';
import { cachedCommentPage, revalidatePiece } from '@/lib/readers/piece-cache';
import { commentAs } from '@/lib/readers/writes';
import { commentInputSchema, commentListQuerySchema } from '@/lib/readers/comment-schemas';

type Context = { params: Promise<{ section: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const { sort, cursor = null } = parseInput(commentListQuerySchema, query);
    // Checked here: an error thrown inside the cached read would become a 500.
    if (cursor) cursorPosition(cursor, sort);
    const page = await cachedCommentPage(pieceKey, cursor, sort);
    if (!page) throw new ApiError('database_unavailable', MESSAGES.databaseUnavailable);
    return json(page);
  });
}

export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const input = parseInput(commentInputSchema, await readJsonBody(request));
    const reader = await readerOf(request, { create: true });
    const writer = writerOf(reader);
    const comment = await commentAs(writer, pieceKey, input);
    revalidatePiece(pieceKey);
    return withReaderCookie(json({ comment }, { status: 201 }), reader);
  });
}
