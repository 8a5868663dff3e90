import type { PieceTarget } from '@/lib/http/action-context';
import type { PublicComment, PublicReply } from '@/lib/readers/comment-schemas';
import { CommentActions } from './comment-actions';
import { CommentItem } from './comment-item';
import { UsefulButton } from './useful-button';

type Props = { comments: PublicComment[]; target: PieceTarget; open?: boolean };

function Actions({ comment, target, open }: { comment: PublicReply; target: PieceTarget; open: boolean }) {
  return (
    <>
      <UsefulButton target={target} commentId={comment.id} useful={comment.useful} />
      <CommentActions target={target} commentId={comment.id} featured={comment.featured} canReply={open} />
    </>
  );
}

/** Top comments in order, each with its replies under it. Renders on the server and in the browser. */
export function CommentThread({ comments, target, open = true }: Props) {
  return (
    <ol className="space-y-8">
      {comments.map((comment) => (
        <li key={comment.id}>
          <CommentItem comment={comment} actions={<Actions comment={comment} target={target} open={open} />}>
            {comment.replies.length > 0 && (
              <ol className="mt-4 space-y-5 border-l-2 border-line pl-4 sm:pl-6" aria-label={`Réponses à ${comment.deleted ? 'un commentaire supprimé' : comment.author}`}>
                {comment.replies.map((reply) => (
                  <li key={reply.id}>
                    <CommentItem comment={reply} actions={<Actions comment={reply} target={target} open={open} />} />
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
