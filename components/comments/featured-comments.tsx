import type { FeaturedComment } from '@/lib/readers/comment-schemas';
import { BADGE_LABELS } from './comment-item';

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 277).trimEnd()}…` : text);

/** « Coups de cœur de la rédaction »: the newest featured comments, above the thread, each linking to its place in it. */
export function FeaturedComments({ comments }: { comments: FeaturedComment[] }) {
  if (comments.length === 0) return null;
  return (
    <section aria-labelledby="coups-de-coeur-titre" className="mb-8 rounded-md border-l-4 border-accent bg-surface p-4">
      <h3 id="coups-de-coeur-titre" className="mb-3 font-serif text-lg font-bold">
        Coups de cœur de la rédaction
      </h3>
      <ol className="space-y-4">
        {comments.map((comment) => (
          <li key={comment.id}>
            <blockquote className="whitespace-pre-line break-words">{excerpt(comment.body)}</blockquote>
            <p className="mt-1 text-sm">
              — <bdi className="font-semibold">{comment.author}</bdi>
              {comment.badge && ` (${BADGE_LABELS[comment.badge]})`} ·{' '}
              <a href={comment.href} className="underline underline-offset-4">
                Lire dans la discussion
              </a>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
