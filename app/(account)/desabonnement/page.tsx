import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Notifications de réponses', robots: { index: false } };
export const instant = false;

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const query = await searchParams;
  return (
    <section className="mx-auto max-w-md space-y-4 py-8" aria-labelledby="desabonnement-titre">
      <h1 id="desabonnement-titre" className="font-serif text-3xl font-bold">
        Notifications de réponses
      </h1>
      {query.fait ? (
        <p role="status">C’est fait : vous ne recevrez plus d’e-mail pour les réponses à ce commentaire.</p>
      ) : query.erreur ? (
        <p role="alert">Ce lien n’est pas valide. Utilisez le lien complet reçu par e-mail.</p>
      ) : (
        <form method="post" action="/api/notifications/unsubscribe" className="space-y-4">
          <input type="hidden" name="commentaire" value={query.commentaire ?? ''} />
          <input type="hidden" name="jeton" value={query.jeton ?? ''} />
          <p>Vous ne recevrez plus d’e-mail quand quelqu’un répondra à ce commentaire.</p>
          <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
            Ne plus être prévenu
          </button>
        </form>
      )}
    </section>
  );
}
