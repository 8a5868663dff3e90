import { requireCommentId } from '@/lib/http/path-params';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie, writerOf } from '@/lib/http/api';
import { reportAs } from '@/lib/readers/writes';
import { reportInputSchema } from '@/lib/readers/report-schemas';

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const input = parseInput(reportInputSchema, await readJsonBody(request));
    const reader = await readerOf(request, { create: true });
    const report = await reportAs(writerOf(reader), id, input);
    return withReaderCookie(json({ report }, { status: 201 }), reader);
  });
}
