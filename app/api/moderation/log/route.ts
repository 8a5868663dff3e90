import { requireEditor } from '@/lib/desk';
import { handleApi, json } from '@/lib/http';
import { moderationLog } from '@/lib/moderation';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json({ events: await moderationLog() });
  });
}
