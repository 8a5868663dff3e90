import { SECTIONS } from '@/lib/content';
import { feedResponse } from '@/lib/http/feed-response';
import { FEED_FORMATS } from '@/lib/publishing/feeds';

export function generateStaticParams() {
  return SECTIONS.flatMap((section) => Object.keys(FEED_FORMATS).map((format) => ({ section, format })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; format: string }> }) {
  const { section, format } = await params;
  return feedResponse({ kind: 'section', slug: section }, format);
}
