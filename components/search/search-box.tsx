'use client';

import MiniSearch, { type SearchResult } from 'minisearch';
import Link from '@/components/layout/link';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchResults, Segment } from '@/lib/publishing/search-schemas';
import { foldAccents, SEARCH_OPTIONS, searchTerm, searchTokens } from '@/lib/publishing/search-terms';

type Hit = SearchResult & { title: string; summary: string; url: string; section: string; date: string };

/** What the server's full-text search answered (the page's own render, or /api/search). */
export type SearchAnswer = { results: SearchResults | null; error: string | null };

/** Marks, in `text`, the words that match one of the searched terms. */
function highlight(text: string, terms: string[]): ReactNode {
  if (terms.length === 0) return text;
  return text.split(/(\s+)/).map((word, i) => {
    const term = searchTerm(foldAccents(word).replace(/[.,;:!?«»"()]/g, ''));
    return term && terms.some((wanted) => term.startsWith(wanted) || wanted.startsWith(term)) ? <mark key={i}>{word}</mark> : word;
  });
}

/** Text the server marked (ts_headline), as text and <mark>: never HTML. */
function marked(segments: Segment[]): ReactNode {
  return segments.map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text));
}

const plural = (count: number) => `${count.toLocaleString('fr-FR')} résultat${count > 1 ? 's' : ''}`;
const searchUrl = (query: string, page = 1) => (query ? `/recherche?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}` : '/recherche');

async function askServer(query: string, signal: AbortSignal): Promise<SearchAnswer> {
  const response = await fetch(`/api/search?q=${encodeURIComponent(query)}&prefix=1`, { signal });
  const body = (await response.json()) as SearchResults & { error?: { message: string } };
  return response.ok ? { results: body, error: null } : { results: null, error: body.error?.message ?? 'La recherche a échoué : réessayez.' };
}

/**
 * The search page's form and results. The server renders the results of the address's `q` (so
 * a shared link and a reader without JavaScript see them); then, as the reader types, a small
 * archive is searched in the browser (`browser`: an index of every piece's text), a large one by
 * the server's full-text search (`server`: /api/search, a quarter of a second after the last key).
 */
export function SearchBox({ initialQuery, initialAnswer, mode }: { initialQuery: string; initialAnswer: SearchAnswer | null; mode: 'browser' | 'server' }) {
  const [index, setIndex] = useState<MiniSearch | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState(initialQuery);
  const [answer, setAnswer] = useState<SearchAnswer | null>(initialAnswer);
  const [waiting, setWaiting] = useState(false);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; controller: AbortController } | null>(null);

  useEffect(() => {
    if (mode !== 'browser') return;
    fetch('/recherche/index.json')
      .then((response) => response.text())
      .then((json) => setIndex(MiniSearch.loadJSON(json, SEARCH_OPTIONS)))
      .catch(() => setFailed(true));
  }, [mode]);

  // A search still waiting when the reader leaves the page is dropped.
  useEffect(() => () => {
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current.controller.abort();
    }
  }, []);

  /** The server's search, a quarter of a second after the reader's last key (the first answer came with the page). */
  function searchOnServer(text: string) {
    if (pending.current) {
      clearTimeout(pending.current.timer);
      pending.current.controller.abort();
      pending.current = null;
    }
    const words = text.trim();
    if (words.length < 2) {
      setAnswer(null);
      setWaiting(false);
      return;
    }
    const controller = new AbortController();
    setWaiting(true);
    const timer = setTimeout(() => {
      askServer(words, controller.signal)
        .then((next) => {
          setAnswer(next);
          setWaiting(false);
        })
        .catch(() => {
          if (!controller.signal.aborted) {
            setAnswer({ results: null, error: 'La recherche n’a pas pu être faite : vérifiez votre connexion.' });
            setWaiting(false);
          }
        });
    }, 250);
    pending.current = { timer, controller };
  }

  const terms = useMemo(() => searchTokens(query).map(searchTerm).filter((term): term is string => Boolean(term)), [query]);
  const hits = useMemo(() => (index && query.trim() ? (index.search(query) as Hit[]).slice(0, 30) : null), [index, query]);
  const results = answer?.results ?? null;

  const status = (() => {
    if (failed) return 'La recherche n’a pas pu être chargée : rechargez la page.';
    if (hits) return hits.length === 0 ? 'Aucun résultat.' : plural(hits.length);
    if (mode === 'browser' && !index && !answer) return 'Chargement de l’index…';
    if (waiting && !results) return 'Recherche…';
    if (answer?.error) return answer.error;
    if (results?.notice) return results.notice;
    if (results) return results.total === 0 ? 'Aucun résultat.' : `${plural(results.total)}${results.pageCount > 1 ? ` · page ${results.page} sur ${results.pageCount}` : ''}`;
    return '';
  })();

  return (
    <div className="space-y-6">
      <form
        role="search"
        aria-label="Recherche dans le magazine"
        action="/recherche"
        onSubmit={(event) => {
          // With JavaScript, the results already follow the typing.
          event.preventDefault();
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <label htmlFor="q" className="block w-full font-semibold">
          Rechercher dans les interviews et les articles
        </label>
        <input
          id="q"
          name="q"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            if (mode === 'server') searchOnServer(event.target.value);
            window.history.replaceState(null, '', searchUrl(event.target.value));
          }}
          autoComplete="off"
          className="min-w-0 flex-1 rounded-md border border-line bg-paper px-3 py-2 text-lg"
        />
        <button type="submit" className="rounded-md border border-line px-4 py-2 font-semibold">
          Rechercher
        </button>
      </form>
      <p role="status" aria-live="polite" className="text-sm text-muted">
        {status}
      </p>
      {hits ? (
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
      ) : results && results.hits.length > 0 ? (
        <>
          <ol className="space-y-6">
            {results.hits.map((hit) => (
              <li key={hit.key}>
                <h2 className="font-serif text-xl font-bold">
                  <Link href={hit.url} className="hover:underline">
                    {marked(hit.title)}
                  </Link>
                </h2>
                <p className="text-muted">{hit.summary}</p>
                {hit.excerpt.some((segment) => segment.mark) && <p className="mt-1 text-sm">{marked(hit.excerpt)}</p>}
              </li>
            ))}
          </ol>
          {results.pageCount > 1 && (
            <nav aria-label="Pages de résultats" className="flex justify-between gap-4">
              {results.page > 1 ? <a href={searchUrl(results.query, results.page - 1)}>← Résultats précédents</a> : <span />}
              {results.page < results.pageCount && <a href={searchUrl(results.query, results.page + 1)}>Résultats suivants →</a>}
            </nav>
          )}
        </>
      ) : null}
    </div>
  );
}
