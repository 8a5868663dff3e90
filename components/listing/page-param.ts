import { notFound, redirect } from 'next/navigation';
import { pageNumberParam } from '@/lib/content';

/**
 * The page of a listing's `/page/<n>` route: 404 when the segment is not a page number, and
 * page 1 sent to the listing's own address.
 */
export function laterPage(pageParam: string, firstPagePath: string): number {
  const page = pageNumberParam(pageParam);
  if (page === null) notFound();
  if (page === 1) redirect(firstPagePath);
  return page;
}
