import { PublishedComments } from '@/components/desk/published-comments';
import { publishedForDesk } from '@/lib/desk/moderation';

export const metadata = { title: 'Commentaires publiés' };
export const instant = false;

export default async function PublishedCommentsPage() {
  const items = await publishedForDesk();
  return (
    <section aria-labelledby="publies-titre">
      <h1 id="publies-titre" className="mb-2 font-serif text-3xl font-bold">
        Commentaires publiés
      </h1>
      <p className="mb-6 text-sm text-muted">
        Les coups de cœur d’abord, puis les plus récents : 50 commentaires publiés en tout. Un coup de cœur s’affiche au-dessus de la discussion (les trois plus récents) et son auteur, s’il a donné son e-mail, en est prévenu une fois.
      </p>
      <PublishedComments items={items} />
    </section>
  );
}
