import { decide } from '@/lib/desk/decisions';
import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { moderationInputSchema } from '@/lib/desk/moderation-schemas';

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const { ids, action, reason, ground } = parseInput(moderationInputSchema, await readJsonBody(request));
    const decisions = await decide(ids, action, editor, reason, { ground });
    return json({ decisions: decisions.map(({ id, action: decided }) => ({ id, action: decided })) });
  });
}
