import { requirePieceKey } from '@/lib/api-pieces';
import { readerActivity } from '@/lib/comments';
import { issueFormToken } from '@/lib/form-token';
import { handleApi, json, readerOf, readerSecret } from '@/lib/http';
import { readerRating } from '@/lib/ratings';
import type { ReaderState } from '@/lib/validations/comment';

type Context = { params: Promise<{ section: string; slug: string }> };

// The reader's own part of a piece (their rating, their pending and editable comments), asked
// by the page's island after load so the page itself stays the same for everyone.
export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const reader = await readerOf(request, { create: false });
    const formToken = issueFormToken(readerSecret(), Date.now());
    const account = reader.account && { name: reader.account.name, isEditor: reader.account.isEditor };
    if (!reader.readerKey) return json({ mine: null, pending: [], editable: [], formToken, account } satisfies ReaderState);
    const [mine, activity] = await Promise.all([readerRating(pieceKey, reader.readerKey), readerActivity(pieceKey, reader.readerKey)]);
    return json({ mine, ...activity, formToken, account } satisfies ReaderState);
  });
}
