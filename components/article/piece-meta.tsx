import { formatDate, isoDay, readingTimeLabel } from '@/lib/format';
import type { PieceSummary } from '@/lib/content';

/** Date, update and reading time of a piece, in French. */
export function PieceMeta({ piece, showUpdated = false }: { piece: PieceSummary; showUpdated?: boolean }) {
  return (
    <p className="flex flex-wrap gap-x-3 text-sm text-muted">
      <span>
        Publié le <time dateTime={isoDay(piece.date)}>{formatDate(piece.date)}</time>
      </span>
      {showUpdated && piece.updated && (
        <span>
          mis à jour le <time dateTime={isoDay(piece.updated)}>{formatDate(piece.updated)}</time>
        </span>
      )}
      <span aria-hidden="true">·</span>
      <span>{readingTimeLabel(piece.readingTime)}</span>
      {piece.draft && <span className="font-semibold text-accent">Brouillon</span>}
      {piece.scheduled && <span className="font-semibold text-accent">Programmé</span>}
    </p>
  );
}
