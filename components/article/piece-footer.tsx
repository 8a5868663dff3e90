import Link from '@/components/layout/link';
import type { PieceSummary } from '@/lib/content';
import { PieceCard } from './piece-card';

type Props = { related: PieceSummary[]; previous: PieceSummary | null; next: PieceSummary | null };

/** Related pieces, then the previous and next pieces of the section. */
export function PieceFooter({ related, previous, next }: Props) {
  return (
    <>
      {related.length > 0 && (
        <section aria-labelledby="a-lire-aussi" className="mt-16">
          <h2 id="a-lire-aussi" className="mb-4 font-serif text-2xl font-bold">
            À lire aussi
          </h2>
          <ul className="grid gap-8 sm:grid-cols-3">
            {related.map((piece) => (
              <li key={piece.key}>
                <PieceCard piece={piece} headingLevel="h3" />
              </li>
            ))}
          </ul>
        </section>
      )}
      {(previous ?? next) && (
        <nav aria-label="Dans la même rubrique" className="mt-12 grid gap-4 border-t border-line pt-6 sm:grid-cols-2">
          {previous ? (
            <Link href={previous.url} rel="prev" className="group">
              <span className="block text-sm text-muted">← Précédent</span>
              <span className="font-serif font-bold group-hover:underline">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={next.url} rel="next" className="group sm:text-right">
              <span className="block text-sm text-muted">Suivant →</span>
              <span className="font-serif font-bold group-hover:underline">{next.title}</span>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
