import { SECTIONS } from '@/lib/content';
import { feedResponse } from '@/lib/feed-route';
import { FEED_FORMATS } from '@/lib/feeds';

export function generateStaticParams() {
  return SECTIONS.flatMap((section) => Object.keys(FEED_FORMATS).map((format) => ({ section, format })));
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; format: string }> }) {
  const { section, format } = await params;
  return feedResponse({ kind: 'section', slug: section }, format);
}
