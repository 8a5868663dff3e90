import { feedResponse } from '@/lib/feed-route';
import { FEED_FORMATS } from '@/lib/feeds';

export function generateStaticParams() {
  return Object.keys(FEED_FORMATS).map((format) => ({ format }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  return feedResponse({ kind: 'all' }, (await params).format);
}
