import type { PieceTarget } from '@/lib/http/action-context';
import type { PublicComment } from '@/lib/readers/comment-schemas';
import { CommentActions } from './comment-actions';
import { CommentItem } from './comment-item';

/** Top comments in order, each with its replies under it. Renders on the server and in the browser. */
export function CommentThread({ comments, target }: { comments: PublicComment[]; target: PieceTarget }) {
  return (
    <ol className="space-y-8">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem comment={comment} actions={<CommentActions target={target} commentId={comment.id} />}>
            {comment.replies.length > 0 && (
              <ol className="mt-4 space-y-5 border-l-2 border-line pl-4 sm:pl-6" aria-label={`Réponses à ${comment.deleted ? 'un commentaire supprimé' : comment.author}`}>
                {comment.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} actions={<CommentActions target={target} commentId={reply.id} />} />
                  </li>
                ))}
              </ol>
            )}
            {/* Where the page's live notice inserts new replies (live-comments.tsx). */}
            <div id={`reponses-live-${comment.id}`} />
          </CommentItem>
        </li>
      ))}
    </ol>
  );
}
