import 'server-only';
import { FEED_FORMATS, renderFeed, type FeedFormat, type FeedScope } from '@/lib/publishing/feeds';

/** A feed's answer, or 404 for an unknown format or scope. */
export async function feedResponse(scope: FeedScope, format: string): Promise<Response> {
  const type = FEED_FORMATS[format as FeedFormat];
  const body = type ? await renderFeed(scope, format as FeedFormat) : null;
  if (!type || body === null) return new Response('Flux introuvable.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(body, { headers: { 'content-type': `${type}; charset=utf-8` } });
}
