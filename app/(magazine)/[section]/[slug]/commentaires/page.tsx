import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CommentsArchive } from '@/components/comments/comments-archive';

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ apres?: string | string[] }> };

export const metadata: Metadata = { title: 'Commentaires', robots: { index: false, follow: true } };

// The next pages of a piece's comments, for readers without JavaScript (and for crawlers).
export default function CommentsPage({ params, searchParams }: Props) {
  return (
    <Suspense fallback={<p>Chargement des commentaires…</p>}>
      <CommentsArchive params={params} searchParams={searchParams} />
    </Suspense>
  );
}
