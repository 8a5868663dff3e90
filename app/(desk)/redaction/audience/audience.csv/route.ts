import { audienceCsv, periodFromParam } from '@/lib/audience/figures';
import { flushAudience } from '@/lib/audience/beacons';
import { handleApi } from '@/lib/http/api';
import { requireEditor } from '@/lib/http/editor-access';

// The audience of a period, day × page × source × campaign, for the editors only (401 / 403 otherwise).
export async function GET(request: Request) {
  return handleApi(async () => {
    await requireEditor();
    const period = periodFromParam(new URL(request.url).searchParams.get('periode'));
    await flushAudience();
    const csv = await audienceCsv(period);
    return new Response(csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="audience-${period}.csv"`, 'cache-control': 'no-store' },
    });
  });
}
