import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { activeBans, banEmail } from '@/lib/desk/moderation';
import { banAuthorAndTell } from '@/lib/desk/decisions';
import { banInputSchema } from '@/lib/desk/moderation-schemas';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    const bans = await activeBans();
    return json({ bans: bans.map(({ id, kind, label, reason, createdAt, expiresAt }) => ({ id, kind, label, reason, createdAt, expiresAt })) });
  });
}

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const input = parseInput(banInputSchema, await readJsonBody(request));
    const ban = 'email' in input
      ? await banEmail(input.email, input.reason, editor, input.duration)
      : await banAuthorAndTell(input.commentId, input.kind, input.reason, editor, input.duration);
    return json({ ban: { id: ban.id, kind: ban.kind, label: ban.label, reason: ban.reason, expiresAt: ban.expiresAt?.toISOString() ?? null } }, { status: 201 });
  });
}
