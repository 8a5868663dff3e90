import { requireCommentId } from '@/lib/api-pieces';
import { assertSameOrigin, handleApi, json, parseInput, readerOf, readJsonBody, withReaderCookie } from '@/lib/http';
import { consumeRateLimit } from '@/lib/rate-limit';
import { reportComment } from '@/lib/reports';
import { reportInputSchema } from '@/lib/validations/report';

type Context = { params: Promise<{ id: string }> };

export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const id = await requireCommentId(params);
    assertSameOrigin(request);
    const input = parseInput(reportInputSchema, await readJsonBody(request));
    const reader = readerOf(request, { create: true });
    const readerKey = reader.readerKey ?? '';
    await consumeRateLimit('report', { readerKey, addressKey: reader.addressKey });
    const report = await reportComment(id, input, readerKey);
    return withReaderCookie(json({ report }, { status: 201 }), reader);
  });
}
