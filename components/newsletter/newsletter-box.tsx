import Link from '@/components/layout/link';
import { SubscribeForm } from './subscribe-form';

/** The letter's invitation under a piece and on the home page. */
export function NewsletterBox() {
  return (
    <section aria-labelledby="lettre-titre" className="mt-14 rounded-lg bg-surface p-6">
      <h2 id="lettre-titre" className="mb-2 font-serif text-2xl font-bold">
        La lettre de Place des Réseaux
      </h2>
      <p className="mb-4 text-muted">
        Chaque nouvel entretien et chaque article dans votre boîte, ou un récapitulatif le lundi matin. Sans publicité, sans pistage ; un clic pour partir.{' '}
        <Link href="/lettre" className="underline underline-offset-4">En savoir plus</Link>
      </p>
      <SubscribeForm />
    </section>
  );
}
