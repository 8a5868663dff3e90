import type { Metadata } from 'next';
import { MOST_LIKED_PATH, MostLikedListing } from '@/components/listing/rankings';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata(MOST_LIKED_PATH, {
  title: 'Les plus appréciés',
  description: 'Les interviews et articles que les lecteurs de Place des Réseaux ont le mieux notés, et les plus commentés du mois.',
});

export default function MostLikedPage() {
  return <MostLikedListing page={1} />;
}
