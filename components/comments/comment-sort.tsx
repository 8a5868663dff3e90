import Link from '@/components/layout/link';
import { COMMENT_SORTS, SORT_LABELS, SORT_PARAMS, type CommentSort } from '@/lib/readers/comment-sorts';

/** The three orders of a piece's comments, as links to its comments pages (they work without JavaScript). */
export function CommentSortLinks({ pieceUrl, current }: { pieceUrl: string; current: CommentSort | null }) {
  return (
    <nav aria-label="Trier les commentaires" className="mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
      <span className="text-muted">Trier :</span>
      {COMMENT_SORTS.map((sort) => (
        <Link
          key={sort}
          href={`${pieceUrl}/commentaires?tri=${SORT_PARAMS[sort]}`}
          prefetch={false}
          aria-current={sort === current ? 'page' : undefined}
          className={sort === current ? 'font-semibold text-ink' : 'underline underline-offset-4'}
        >
          {SORT_LABELS[sort]}
        </Link>
      ))}
    </nav>
  );
}
