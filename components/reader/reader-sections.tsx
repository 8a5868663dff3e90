import { CommentForm } from '@/components/comments/comment-form';
import { CommentThread } from '@/components/comments/comment-thread';
import { CommentSortLinks } from '@/components/comments/comment-sort';
import { FeaturedComments } from '@/components/comments/featured-comments';
import { LiveCommentsLater } from '@/components/comments/live-comments-later';
import { LoadMoreComments } from '@/components/comments/load-more-comments';
import { OwnPendingComments } from '@/components/comments/own-pending-comments';
import { RatingWidget } from '@/components/rating/rating-widget';
import type { Piece } from '@/lib/content';
import { issueFormToken } from '@/lib/readers/form-token';
import { env } from '@/lib/env';
import { plural } from '@/lib/format';
import type { RatingAggregate } from '@/lib/readers/ratings';
import type { CommentPage, FeaturedComment } from '@/lib/readers/comment-schemas';
import { FormNotices } from './form-notice';
import { ReaderProvider } from './reader-provider';

export const UNAVAILABLE = 'Les avis et commentaires sont momentanément indisponibles. Le contenu reste lisible ; revenez dans quelques minutes pour noter ou commenter.';

type Props = { piece: Piece; aggregate: RatingAggregate | null; comments: CommentPage | null; featured: FeaturedComment[]; formTokenAt: number };

/** « Évaluer ce contenu » and « Commentaires » under a piece, from its cached data. */
export function ReaderSections({ piece, aggregate, comments, featured, formTokenAt }: Props) {
  const target = { section: piece.section, slug: piece.slug };
  const api = `/api/pieces/${piece.key}`;
  if (!aggregate || !comments) return <UnavailableSections />;
  // The token of the form as the cached page shows it; the page's island replaces it with a fresh one.
  const formToken = env.AUTH_SECRET ? issueFormToken(env.AUTH_SECRET, formTokenAt) : '';
  return (
    <ReaderProvider api={api} formToken={formToken}>
      <section id="evaluer" aria-labelledby="evaluer-titre" className="mt-16 border-t border-line pt-8">
        <h2 id="evaluer-titre" className="mb-4 font-serif text-2xl font-bold">
          Évaluer ce contenu
        </h2>
        <FormNotices form="note" />
        <RatingWidget target={target} aggregate={aggregate} />
      </section>
      <section id="commentaires" aria-labelledby="commentaires-titre" className="mt-12 border-t border-line pt-8">
        <h2 id="commentaires-titre" className="mb-6 font-serif text-2xl font-bold">
          Commentaires <span className="text-lg font-normal text-muted">({plural(comments.count, 'commentaire')})</span>
        </h2>
        {comments.count === 0 && <p className="text-muted">{comments.open ? 'Aucun commentaire pour l’instant : lancez la discussion !' : 'Aucun commentaire.'}</p>}
        <FeaturedComments comments={featured} />
        {comments.count > 1 && <CommentSortLinks pieceUrl={piece.url} current="oldest" />}
        <FormNotices form="utile" />
        <CommentThread comments={comments.comments} target={target} open={comments.open} />
        <LiveCommentsLater api={api} target={target} />
        {comments.nextCursor && <LoadMoreComments api={api} cursor={comments.nextCursor} target={target} fallbackHref={`${piece.url}/commentaires`} open={comments.open} />}
        <OwnPendingComments target={target} />
        {comments.open && (
          <>
            <h3 id="laisser-un-commentaire" className="mt-10 mb-4 font-serif text-xl font-bold">
              Laisser un commentaire
            </h3>
            <FormNotices form="commentaire" />
          </>
        )}
        {/* At the same place open or closed: a reader whose form was open when the piece closed keeps what they typed. */}
        <CommentForm target={target} closed={!comments.open} />
      </section>
    </ReaderProvider>
  );
}

/** What the two sections say while the database cannot be reached. */
export function UnavailableSections() {
  return (
    <>
      <section id="evaluer" aria-labelledby="evaluer-titre" className="mt-16 border-t border-line pt-8">
        <h2 id="evaluer-titre" className="mb-4 font-serif text-2xl font-bold">
          Évaluer ce contenu
        </h2>
        <p role="status">{UNAVAILABLE}</p>
      </section>
      <section id="commentaires" aria-labelledby="commentaires-titre" className="mt-12 border-t border-line pt-8">
        <h2 id="commentaires-titre" className="mb-4 font-serif text-2xl font-bold">
          Commentaires
        </h2>
        <p>{UNAVAILABLE}</p>
      </section>
    </>
  );
}
