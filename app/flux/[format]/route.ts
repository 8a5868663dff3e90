import { feedResponse } from '@/lib/http/feed-response';
import { FEED_FORMATS } from '@/lib/publishing/feeds';

export function generateStaticParams() {
  return Object.keys(FEED_FORMATS).map((format) => ({ format }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  return feedResponse({ kind: 'all' }, (await params).format);
}
