import { requireEditor } from '@/lib/desk';
import { handleApi, json } from '@/lib/http';
import { moderationQueue } from '@/lib/moderation';

export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json({ comments: await moderationQueue() });
  });
}
