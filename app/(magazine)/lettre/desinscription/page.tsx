import type { Metadata } from 'next';
import Link from '@/components/layout/link';

export const metadata: Metadata = { title: 'Se désinscrire de la lettre', robots: { index: false } };
export const instant = false;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function LeavePage({ searchParams }: PageProps<'/lettre/desinscription'>) {
  const query = await searchParams;
  const result = first(query.resultat);
  return (
    <section className="mx-auto max-w-md space-y-4 py-8" aria-labelledby="desinscription-titre">
      <h1 id="desinscription-titre" className="font-serif text-3xl font-bold">
        Se désinscrire de la lettre
      </h1>
      {result === 'fait' ? (
        <p role="status">
          C’est fait : vous ne recevrez plus la lettre, et votre adresse est effacée. Vous pourrez toujours vous{' '}
          <Link href="/lettre" className="underline underline-offset-4">réinscrire</Link>.
        </p>
      ) : result === 'invalide' ? (
        <p role="alert">Ce lien n’est pas valide. Utilisez le lien complet reçu dans la lettre.</p>
      ) : result ? (
        <p role="alert">La désinscription n’a pas pu être enregistrée. Réessayez dans quelques minutes.</p>
      ) : (
        <form method="post" action="/api/newsletter/unsubscribe" className="space-y-4">
          <input type="hidden" name="abonne" value={first(query.abonne)} />
          <input type="hidden" name="jeton" value={first(query.jeton)} />
          <p>Vous ne recevrez plus aucun e-mail de la lettre, et votre adresse sera effacée.</p>
          <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
            Me désinscrire
          </button>
        </form>
      )}
    </section>
  );
}
