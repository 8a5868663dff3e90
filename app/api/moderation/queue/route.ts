import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json } from '@/lib/http/api';
import { moderationQueue } from '@/lib/desk/moderation';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json({ comments: await moderationQueue() });
  });
}
