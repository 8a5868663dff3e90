import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json, parseInput, readJsonBody } from '@/lib/http/api';
import { sendDeskMessage } from '@/lib/desk/messages';
import { deskMessageInputSchema } from '@/lib/desk/reader-tools-schemas';

export async function POST(request: Request) {
  return handleApi(async () => {
    const editor = await requireEditor(request);
    const input = parseInput(deskMessageInputSchema, await readJsonBody(request));
    const { message, decisions } = await sendDeskMessage(input, editor);
    return json(
      {
        message: { id: message.id, commentId: message.commentId, to: message.recipient, subject: message.subject, createdAt: message.createdAt },
        decisions: decisions.map(({ id, action }) => ({ id, action })),
      },
      { status: 201 },
    );
  });
}
