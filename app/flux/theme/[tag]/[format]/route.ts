import { getTags } from '@/lib/content';
import { feedResponse } from '@/lib/http/feed-response';
import { FEED_FORMATS } from '@/lib/publishing/feeds';

export async function generateStaticParams() {
  return (await getTags()).flatMap((tag) => Object.keys(FEED_FORMATS).map((format) => ({ tag: tag.slug, format })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string; format: string }> }) {
  const { tag, format } = await params;
  return feedResponse({ kind: 'tag', slug: tag }, format);
}
