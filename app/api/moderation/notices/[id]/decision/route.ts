import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { ApiError } from '@/lib/errors';
import { decideNotice } from '@/lib/desk/notices';
import { noticeDecisionInputSchema } from '@/lib/desk/notice-schemas';

type Context = { params: Promise<{ id: string }> };

/** The editor's decision on a DSA notice. */
export async function POST(request: Request, { params }: Context) {
  return handleApi(async () => {
    const { id } = await params;
    const editor = await requireEditor(request);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new ApiError('not_found', 'Cette notification n’existe pas.');
    const input = parseInput(noticeDecisionInputSchema, await readJsonBody(request));
    return json({ decision: await decideNotice(id, input, editor) });
  });
}
