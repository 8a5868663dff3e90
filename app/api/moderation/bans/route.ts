import { requireEditor } from '@/lib/desk';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http';
import { activeBans, banAuthor, banEmail } from '@/lib/moderation';
import { banInputSchema } from '@/lib/validations/moderation';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    const bans = await activeBans();
    return json({ bans: bans.map(({ id, kind, label, reason, createdAt }) => ({ id, kind, label, reason, createdAt })) });
  });
}

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const input = parseInput(banInputSchema, await readJsonBody(request));
    const ban = 'email' in input ? await banEmail(input.email, input.reason, editor) : await banAuthor(input.commentId, input.kind, input.reason, editor);
    return json({ ban: { id: ban.id, kind: ban.kind, label: ban.label, reason: ban.reason } }, { status: 201 });
  });
}
