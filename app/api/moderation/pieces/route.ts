import { requireEditor } from '@/lib/http/editor-access';
import { pieceRows, piecesCsv, SORTS, type Sort } from '@/lib/desk/figures';
import { handleApi, json } from '@/lib/http/api';

export async function GET(request: Request) {
  return handleApi(async () => {
    await requireEditor();
    const query = new URL(request.url).searchParams;
    const sort = (SORTS as readonly string[]).includes(query.get('tri') ?? '') ? (query.get('tri') as Sort) : 'avis';
    const rows = await pieceRows(sort);
    if (query.get('format') !== 'csv') return json({ pieces: rows });
    return new Response(piecesCsv(rows), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="place-des-reseaux-contenus.csv"',
        'cache-control': 'no-store',
      },
    });
  });
}
