import Link from '@/components/layout/link';
import { pageWindow } from '@/lib/content/rules';

type Props = { page: number; pageCount: number; basePath: string };

function pageHref(basePath: string, page: number): string {
  return page === 1 ? basePath : `${basePath}/page/${page}`;
}

/** « Page précédente / suivante » links and the page numbers of a listing (a window of them). */
export function Pagination({ page, pageCount, basePath }: Props) {
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav aria-label="Pagination" className="mt-12 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <Link href={pageHref(basePath, page - 1)} rel="prev" className="underline underline-offset-4">
          ← Page précédente
        </Link>
      ) : (
        <span />
      )}
      <ol className="flex gap-2">
        {pages.map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 py-1 text-muted">
              …
            </li>
          ) : (
            <li key={n}>
              <Link
                href={pageHref(basePath, n)}
                aria-current={n === page ? 'page' : undefined}
                aria-label={`Page ${n}`}
                className={`inline-block min-w-9 rounded-md border px-2 py-1 text-center ${n === page ? 'border-accent bg-accent text-accent-ink' : 'border-line'}`}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <Link href={pageHref(basePath, page + 1)} rel="next" className="underline underline-offset-4">
          Page suivante →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
