import { requirePieceKey } from '@/lib/http/path-params';
import { ApiError, MESSAGES } from '@/lib/errors';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie, writerOf } from '@/lib/http/api';
import { cachedRatingAggregate, revalidatePiece } from '@/lib/readers/piece-cache';
import { ratingAggregate, readerRating } from '@/lib/readers/ratings';
import { rateAs } from '@/lib/readers/writes';
import { ratingInputSchema } from '@/lib/readers/rating-schemas';

type Context = { params: Promise<{ section: string; slug: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const reader = await readerOf(request, { create: false });
    const aggregate = await cachedRatingAggregate(pieceKey);
    if (!aggregate) throw new ApiError('database_unavailable', MESSAGES.databaseUnavailable);
    const mine = reader.readerKey ? await readerRating(pieceKey, reader.readerKey) : null;
    return json({ ...aggregate, mine });
  });
}

export async function PUT(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const { value } = parseInput(ratingInputSchema, await readJsonBody(request));
    const reader = await readerOf(request, { create: true });
    const aggregate = await rateAs(writerOf(reader), pieceKey, value);
    revalidatePiece(pieceKey);
    return withReaderCookie(json({ ...aggregate, mine: value }), reader);
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    assertSameOrigin(request);
    const reader = await readerOf(request, { create: false });
    if (!reader.readerKey) return json({ ...(await ratingAggregate(pieceKey)), mine: null });
    const aggregate = await rateAs(writerOf(reader), pieceKey, null);
    revalidatePiece(pieceKey);
    return json({ ...aggregate, mine: null });
  });
}
