import { handleApi } from '@/lib/http/api';
import { requireEditor } from '@/lib/http/editor-access';
import { confirmedSubscribersCsv } from '@/lib/newsletter/desk';

// The confirmed subscribers, for the editors only (401 / 403 otherwise).
export async function GET() {
  return handleApi(async () => {
    await requireEditor();
    const csv = await confirmedSubscribersCsv();
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="abonnes-lettre.csv"', 'cache-control': 'no-store' },
    });
  });
}
