import { connection } from 'next/server';
import { handleApi } from '@/lib/http/api';
import { eventStream } from '@/lib/http/event-stream';
import { requirePieceKey } from '@/lib/http/path-params';
import { openCommentStream } from '@/lib/live/streams';

type Context = { params: Promise<{ section: string; slug: string }> };

// The piece's new comments as they are published (the page's live notice), one stream per open tab.
export async function GET(request: Request, { params }: Context) {
  return handleApi(async () => {
    await connection();
    const pieceKey = await requirePieceKey(params);
    return eventStream(openCommentStream(pieceKey, request.signal));
  });
}
