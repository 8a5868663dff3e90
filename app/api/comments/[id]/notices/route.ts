import { requireCommentId } from '@/lib/http/path-params';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie, writerOf } from '@/lib/http/api';
import { noticeAs } from '@/lib/readers/writes';
import { noticeInputSchema } from '@/lib/desk/notice-schemas';

type Context = { params: Promise<{ id: string }> };

/** A notice of illegal content about a published comment (DSA art. 16). */
export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const input = parseInput(noticeInputSchema, await readJsonBody(request));
    const reader = await readerOf(request, { create: true });
    const notice = await noticeAs(writerOf(reader), id, input);
    return withReaderCookie(json({ notice }, { status: 201 }), reader);
  });
}
