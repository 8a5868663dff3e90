import type { Metadata } from 'next';
import { CommentsArchive } from '@/components/comments/comments-archive';

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ apres?: string | string[] }> };

export const metadata: Metadata = { title: 'Commentaires', robots: { index: false, follow: true } };
// Depends on the cursor in the address: rendered for each request, in full, its <title> and
// <meta> in the <head> (a streamed page gets them in the <body>: invalid HTML).
export const instant = false;

// The next pages of a piece's comments, for readers without JavaScript (and for crawlers).
export default function CommentsPage({ params, searchParams }: Props) {
  return <CommentsArchive params={params} searchParams={searchParams} />;
}
