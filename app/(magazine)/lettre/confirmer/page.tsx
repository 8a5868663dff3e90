import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { RHYTHM_LABELS, RHYTHMS, type Rhythm } from '@/lib/newsletter/newsletter-schemas';

export const metadata: Metadata = { title: 'Confirmer l’inscription à la lettre', robots: { index: false } };
export const instant = false;

const RESULTS: Record<string, string> = {
  expire: 'Ce lien de confirmation a expiré (il vaut 7 jours). Inscrivez-vous à nouveau : un nouveau lien vous sera envoyé.',
  invalide: 'Ce lien de confirmation n’est pas valide. Utilisez le lien complet reçu par e-mail, ou inscrivez-vous à nouveau.',
  inconnu: 'Cette demande d’inscription n’existe plus (jamais confirmée pendant 7 jours, ou désinscrite depuis). Inscrivez-vous à nouveau.',
  origine: 'Ce formulaire doit être envoyé depuis le site Place des Réseaux lui-même.',
  indisponible: 'La confirmation est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.',
  erreur: 'Une erreur inattendue est survenue : rien n’a été enregistré. Réessayez dans quelques minutes.',
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function ConfirmPage({ searchParams }: PageProps<'/lettre/confirmer'>) {
  const query = await searchParams;
  const result = first(query.resultat);
  const rhythm = first(query.rythme);
  const label = RHYTHMS.includes(rhythm as Rhythm) ? RHYTHM_LABELS[rhythm as Rhythm] : null;
  return (
    <section className="mx-auto max-w-md space-y-4 py-8" aria-labelledby="confirmer-titre">
      <h1 id="confirmer-titre" className="font-serif text-3xl font-bold">
        La lettre de Place des Réseaux
      </h1>
      {result === 'confirme' ? (
        <p role="status">{`C’est confirmé : vous recevrez la lettre ${label ?? ''}. Chaque e-mail porte un lien pour vous désinscrire en un clic.`}</p>
      ) : result ? (
        <>
          <p role="alert">{RESULTS[result] ?? RESULTS.erreur}</p>
          <p>
            <Link href="/lettre" className="underline underline-offset-4">S’inscrire à la lettre</Link>
          </p>
        </>
      ) : (
        <form method="post" action="/api/newsletter/confirmation" className="space-y-4">
          <input type="hidden" name="abonne" value={first(query.abonne)} />
          <input type="hidden" name="rythme" value={rhythm} />
          <input type="hidden" name="date" value={first(query.date)} />
          <input type="hidden" name="jeton" value={first(query.jeton)} />
          <p>{`Un dernier clic pour recevoir la lettre ${label ?? ''} :`}</p>
          <button type="submit" className="rounded-md bg-accent px-4 py-2 font-semibold text-accent-ink">
            Confirmer mon inscription
          </button>
        </form>
      )}
    </section>
  );
}
