import { decide, requireEditor } from '@/lib/desk';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http';
import { moderationInputSchema } from '@/lib/validations/moderation';

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const { ids, action, reason } = parseInput(moderationInputSchema, await readJsonBody(request));
    const decisions = await decide(ids, action, editor, reason);
    return json({ decisions: decisions.map(({ id, action: decided }) => ({ id, action: decided })) });
  });
}
