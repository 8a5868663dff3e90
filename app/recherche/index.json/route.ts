import { buildSearchIndex } from '@/lib/publishing/search-index';

// Built at build time from the published pieces (and again when a scheduled piece appears):
// only the search page loads it.
export async function GET() {
  return new Response(await buildSearchIndex(), { headers: { 'content-type': 'application/json; charset=utf-8' } });
}
