import type { ReactNode } from 'react';
import type { CommentBadge, PublicReply } from '@/lib/readers/comment-schemas';
import { CommentBody } from './comment-body';
import { RelativeTime } from './relative-time';

/** The magazine's voice beside a name, decided by the server from the writer's account. */
export const BADGE_LABELS: Record<CommentBadge, string> = { redaction: 'La rédaction', auteur: 'Auteur de l’article' };

type Comment = Omit<PublicReply, 'badge' | 'featured' | 'useful'> & Partial<Pick<PublicReply, 'badge' | 'featured'>> & { deleted?: boolean };
type Props = { comment: Comment; status?: string; actions?: ReactNode; children?: ReactNode };

/** One comment: its author and badge, its date, its text; then what it carries (actions, replies). */
export function CommentItem({ comment, status, actions, children }: Props) {
  return (
    <article id={`commentaire-${comment.id}`} className="scroll-mt-6" aria-label={comment.deleted ? 'Commentaire supprimé' : `Commentaire de ${comment.author}`}>
      {comment.deleted ? (
        <p className="italic text-muted">Commentaire supprimé par son auteur.</p>
      ) : (
        <>
          <header className="mb-1 flex flex-wrap items-baseline gap-x-2 text-sm">
            <bdi className="font-semibold text-ink">{comment.author}</bdi>
            {comment.badge && <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-accent-ink">{BADGE_LABELS[comment.badge]}</span>}
            <span className="text-muted">
              <RelativeTime iso={comment.createdAt} />
              {comment.editedAt && ' · modifié'}
            </span>
            {comment.featured && <span className="text-xs font-semibold text-accent">♥ Coup de cœur de la rédaction</span>}
            {status && <span className="rounded bg-surface px-1.5 py-0.5 text-xs font-semibold text-accent">{status}</span>}
          </header>
          <CommentBody text={comment.body} />
          {actions}
          {/* A plain link (DSA art. 16), there without JavaScript: beside « Signaler », which needs it. */}
          {actions && !status && (
            <p className="mt-1 text-xs">
              <a href={`/signalement?commentaire=${comment.id}`} rel="nofollow" className="text-muted underline-offset-4 hover:text-ink hover:underline">
                Signaler un contenu illicite
              </a>
            </p>
          )}
        </>
      )}
      {children}
    </article>
  );
}
