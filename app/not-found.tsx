import type { Metadata } from 'next';
import Link from '@/components/layout/link';

export const metadata: Metadata = { title: 'Page introuvable' };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">Erreur 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Page introuvable</h1>
      <p className="mt-4 text-muted">
        Cette page n’existe pas ou n’existe plus. L’adresse contient peut-être une faute de frappe, ou le contenu a été
        déplacé.
      </p>
      <p className="mt-8 flex flex-wrap justify-center gap-4">
        <Link href="/" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink">
          Retour à l’accueil
        </Link>
        <Link href="/interviews" className="rounded-md border border-line px-4 py-2 font-medium">
          Voir les interviews
        </Link>
      </p>
    </div>
  );
}
