import type { TocEntry } from '@/lib/content/types';

/** « Sommaire »: links to the headings of the piece. */
export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length < 2) return null;
  return (
    <nav aria-labelledby="sommaire" className="rounded-lg bg-surface p-4 text-sm">
      <h2 id="sommaire" className="mb-2 font-sans font-bold uppercase tracking-wider text-muted">
        Sommaire
      </h2>
      <ol className="space-y-1.5">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.depth === 3 ? 'pl-4' : ''}>
            <a href={`#${entry.id}`} className="underline-offset-4 hover:underline">
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
