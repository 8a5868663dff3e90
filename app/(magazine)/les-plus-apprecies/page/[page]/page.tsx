import type { Metadata } from 'next';
import { laterPage } from '@/components/listing/page-param';
import { MOST_LIKED_PATH, MostLikedListing } from '@/components/listing/rankings';
import { pageMetadata } from '@/lib/publishing/page-metadata';

type Props = { params: Promise<{ page: string }> };

// How many pages the ranking has depends on the readers: the later pages are rendered on their
// first visit and cached like the first. The build wants one path to check the route with.
export function generateStaticParams() {
  return [{ page: '2' }];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { page } = await params;
  return pageMetadata(`${MOST_LIKED_PATH}/page/${page}`, { title: `Les plus appréciés — page ${page}` });
}

export default async function MostLikedPageN({ params }: Props) {
  return <MostLikedListing page={laterPage((await params).page, MOST_LIKED_PATH)} />;
}
