import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json } from '@/lib/http/api';
import { moderationLog } from '@/lib/desk/moderation';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json({ events: await moderationLog() });
  });
}
