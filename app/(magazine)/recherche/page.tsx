import type { Metadata } from 'next';
import { SearchBox } from '@/components/search/search-box';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/recherche', { title: 'Recherche' });

export default function SearchPage() {
  return (
    <section aria-labelledby="recherche-titre" className="mx-auto max-w-3xl">
      <h1 id="recherche-titre" className="mb-6 font-serif text-4xl font-bold">
        Recherche
      </h1>
      <SearchBox />
    </section>
  );
}
