import type { Metadata } from 'next';
import { SearchBox, type SearchAnswer } from '@/components/search/search-box';
import { ApiError } from '@/lib/errors';
import { cachedSearch, searchesOnServer, searchQuery } from '@/lib/publishing/archive-search';
import { pageMetadata } from '@/lib/publishing/page-metadata';
import { failure, logger } from '@/lib/log';

export const metadata: Metadata = pageMetadata('/recherche', { title: 'Recherche' });

// The results of /recherche?q=… are rendered with the page, at request time, in its HTML: a
// shared link and a reader without JavaScript get them (no static shell waiting for a script).
export const instant = false;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

async function answerFor(q: string | null, page: string | null): Promise<SearchAnswer | null> {
  if (q === null) return null;
  try {
    const checked = searchQuery(q, page);
    return { results: await cachedSearch(checked.query, checked.page, false), error: null };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { results: null, error: error.message };
    logger('recherche').error({ err: failure(error) }, 'recherche en échec');
    return { results: null, error: 'La recherche est indisponible pour le moment : réessayez dans un instant.' };
  }
}

export default async function SearchPage({ searchParams }: PageProps<'/recherche'>) {
  const params = await searchParams;
  const q = first(params.q);
  const [answer, onServer] = await Promise.all([answerFor(q, first(params.page)), searchesOnServer()]);
  return (
    <section aria-labelledby="recherche-titre" className="mx-auto max-w-3xl">
      <h1 id="recherche-titre" className="mb-6 font-serif text-4xl font-bold">
        Recherche
      </h1>
      <SearchBox initialQuery={q ?? ''} initialAnswer={answer} mode={onServer ? 'server' : 'browser'} />
    </section>
  );
}
