import Link from '@/components/layout/link';

export default function Unauthorized() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">Erreur 401</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Connexion nécessaire</h1>
      <p className="mt-4 text-muted">Cette page est réservée aux membres connectés. Connectez-vous avec votre adresse e-mail : vous recevrez un lien.</p>
      <p className="mt-8">
        <Link href="/connexion" className="rounded-md bg-accent px-4 py-2 font-medium text-accent-ink">
          Se connecter
        </Link>
      </p>
    </div>
  );
}
