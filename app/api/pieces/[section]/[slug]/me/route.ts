import { requirePieceKey } from '@/lib/http/path-params';
import { readerActivity } from '@/lib/readers/comments';
import { reactedComments } from '@/lib/readers/reactions';
import { issueFormToken } from '@/lib/readers/form-token';
import { handleApi, json, readerOf } from '@/lib/http/api';
import { readerSecret } from '@/lib/readers/secret';
import { readerRating } from '@/lib/readers/ratings';
import type { ReaderState } from '@/lib/readers/comment-schemas';

type Context = { params: Promise<{ section: string; slug: string }> };

// The reader's own part of a piece (their rating, their pending and editable comments, the ones they found useful), asked
// by the page's island after load so the page itself stays the same for everyone.
export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    const pieceKey = await requirePieceKey(params);
    const reader = await readerOf(request, { create: false });
    const formToken = issueFormToken(readerSecret(), Date.now());
    const account = reader.account && { name: reader.account.name, isEditor: reader.account.isEditor };
    if (!reader.readerKey) return json({ mine: null, pending: [], editable: [], formToken, reacted: [], account } satisfies ReaderState);
    const [mine, activity, reacted] = await Promise.all([
      readerRating(pieceKey, reader.readerKey),
      readerActivity(pieceKey, reader.readerKey),
      reactedComments(pieceKey, reader.readerKey),
    ]);
    return json({ mine, ...activity, formToken, reacted, account } satisfies ReaderState);
  });
}
