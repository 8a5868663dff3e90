import { requireEditor } from '@/lib/http/editor-access';
import { handleApi, json } from '@/lib/http/api';
import { openNotices } from '@/lib/desk/notices';

/** The DSA notices still to decide, oldest first. */
export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    return json({ notices: await openNotices() });
  });
}
