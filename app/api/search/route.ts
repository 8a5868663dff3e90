import { handleApi, json, readerOf } from '@/lib/http/api';
import { cachedSearch, searchQuery } from '@/lib/publishing/archive-search';
import { consumeSearchLimit } from '@/lib/readers/rate-limits';

// GET /api/search?q=…&page=…&prefix=1: the archive's full-text search (10 results a page),
// limited per address, each query and page kept SEARCH_CACHE_SECONDS (a minute) in the shared cache.
export async function GET(request: Request) {
  return handleApi(async () => {
    const params = new URL(request.url).searchParams;
    const { query, page } = searchQuery(params.get('q'), params.get('page'));
    const reader = await readerOf(request, { create: false });
    await consumeSearchLimit(reader.addressKey);
    return json(await cachedSearch(query, page, params.get('prefix') === '1'));
  });
}
