'use client';

import MiniSearch, { type SearchResult } from 'minisearch';
import Link from 'next/link';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { foldAccents, SEARCH_OPTIONS, searchTerm, searchTokens } from '@/lib/publishing/search-terms';

type Hit = SearchResult & { title: string; summary: string; url: string; section: string; date: string };

/** Marks, in `text`, the words that match one of the searched terms. */
function highlight(text: string, terms: string[]): ReactNode {
  if (terms.length === 0) return text;
  return text.split(/(\s+)/).map((word, i) => {
    const term = searchTerm(foldAccents(word).replace(/[.,;:!?«»"()]/g, ''));
    return term && terms.some((wanted) => term.startsWith(wanted) || wanted.startsWith(term)) ? <mark key={i}>{word}</mark> : word;
  });
}

/** The search page's island: loads the index once, then searches as the reader types. */
export function SearchBox() {
  const [index, setIndex] = useState<MiniSearch | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');

  useEffect(() => {
    // The page is static: the words searched from the header's box arrive in the address.
    const asked = new URLSearchParams(window.location.search).get('q') ?? '';
    fetch('/recherche/index.json')
      .then((response) => response.text())
      .then((json) => {
        setIndex(MiniSearch.loadJSON(json, SEARCH_OPTIONS));
        setQuery((current) => current || asked);
      })
      .catch(() => setFailed(true));
  }, []);

  const terms = useMemo(() => searchTokens(query).map(searchTerm).filter((term): term is string => Boolean(term)), [query]);
  const hits = useMemo(() => (index && query.trim() ? (index.search(query) as Hit[]).slice(0, 30) : []), [index, query]);

  return (
    <div className="space-y-6">
      <form role="search" aria-label="Recherche dans le magazine" action="/recherche" onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="q" className="block font-semibold">
          Rechercher dans les interviews et les articles
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            window.history.replaceState(null, '', event.target.value ? `/recherche?q=${encodeURIComponent(event.target.value)}` : '/recherche');
          }}
          autoComplete="off"
          className="mt-1 w-full rounded-md border border-line bg-paper px-3 py-2 text-lg"
        />
      </form>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {failed
          ? 'La recherche n’a pas pu être chargée : rechargez la page.'
          : !index
            ? 'Chargement de l’index…'
            : query.trim()
              ? hits.length === 0
                ? 'Aucun résultat.'
                : `${hits.length} résultat${hits.length > 1 ? 's' : ''}`
              : ''}
      </p>
      <ol className="space-y-6">
        {hits.map((hit) => (
          <li key={hit.id}>
            <h2 className="font-serif text-xl font-bold">
              <Link href={hit.url} className="hover:underline">
                {highlight(hit.title, terms)}
              </Link>
            </h2>
            <p className="text-muted">{highlight(hit.summary, terms)}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
