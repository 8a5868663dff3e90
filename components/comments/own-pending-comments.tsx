'use client';

import type { PieceTarget } from '@/lib/http/action-context';
import { useReader } from '@/components/reader/reader-provider';
import { CommentActions } from './comment-actions';
import { CommentItem } from './comment-item';

/** The reader's own comments that wait for moderation: only they see them, marked as such. */
export function OwnPendingComments({ target }: { target: PieceTarget }) {
  const { pending } = useReader();
  if (pending.length === 0) return null;
  return (
    <ul className="mt-6 space-y-6 border-t border-line pt-6" aria-label="Vos commentaires en attente">
      {pending.map((comment) => (
        <li key={comment.id} className="rounded-md border border-dashed border-line p-3">
          <CommentItem comment={comment} status="En attente de modération" actions={<CommentActions target={target} commentId={comment.id} />} />
        </li>
      ))}
    </ul>
  );
}
