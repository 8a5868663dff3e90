import Link from '@/components/layout/link';
import { ReaderHistoryView } from '@/components/desk/reader-history';
import { readerHistory } from '@/lib/desk/reader-history';

export const metadata = { title: 'Historique du lecteur' };
export const instant = false;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { searchParams: Promise<{ commentaire?: string | string[] }> };

/**
 * A reader's history, from one of their comments (`/redaction/lecteurs?commentaire=<id>`). An
 * unknown comment says so here rather than through notFound(): with cacheComponents, Next 16.4
 * answers notFound() in a dynamic page with a 200 and an empty page (vercel/next.js#98518).
 */
export default async function ReaderHistoryPage({ searchParams }: Props) {
  const { commentaire } = await searchParams;
  const history = typeof commentaire === 'string' && UUID.test(commentaire) ? await readerHistory(commentaire.toLowerCase()) : null;
  if (!history) {
    return (
      <section aria-labelledby="lecteur-inconnu">
        <h1 id="lecteur-inconnu" className="mb-4 font-serif text-3xl font-bold">
          Historique du lecteur
        </h1>
        <p>
          Ce commentaire n’existe pas (ou plus) : pas d’historique à montrer. Ouvrez l’historique depuis un commentaire de la{' '}
          <Link href="/redaction" className="underline underline-offset-4">
            file de modération
          </Link>{' '}
          ou des{' '}
          <Link href="/redaction/commentaires" className="underline underline-offset-4">
            commentaires publiés
          </Link>
          .
        </p>
      </section>
    );
  }
  return <ReaderHistoryView history={history} />;
}
