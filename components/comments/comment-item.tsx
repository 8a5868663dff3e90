import type { ReactNode } from 'react';
import type { PublicReply } from '@/lib/readers/comment-schemas';
import { CommentBody } from './comment-body';
import { RelativeTime } from './relative-time';

type Props = { comment: PublicReply & { deleted?: boolean }; badge?: string; actions?: ReactNode; children?: ReactNode };

/** One comment: its author, its date, its text; then what it carries (actions, replies). */
export function CommentItem({ comment, badge, actions, children }: Props) {
  return (
    <article id={`commentaire-${comment.id}`} className="scroll-mt-6" aria-label={comment.deleted ? 'Commentaire supprimé' : `Commentaire de ${comment.author}`}>
      {comment.deleted ? (
        <p className="italic text-muted">Commentaire supprimé par son auteur.</p>
      ) : (
        <>
          <header className="mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
            <bdi className="font-semibold text-ink">{comment.author}</bdi>
            <span className="text-muted">
              <RelativeTime iso={comment.createdAt} />
              {comment.editedAt && ' · modifié'}
            </span>
            {badge && <span className="rounded bg-surface px-1.5 py-0.5 text-xs font-semibold text-accent">{badge}</span>}
          </header>
          <CommentBody text={comment.body} />
          {actions}
        </>
      )}
      {children}
    </article>
  );
}
