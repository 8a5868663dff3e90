import Link from '@/components/layout/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">Erreur 403</p>
      <h1 className="mt-2 font-serif text-4xl font-bold">Accès réservé à la rédaction</h1>
      <p className="mt-4 text-muted">Votre compte n’a pas accès à cette page. Si vous faites partie de la rédaction, demandez à un administrateur de vous y donner accès.</p>
      <p className="mt-8">
        <Link href="/" className="rounded-md border border-line px-4 py-2 font-medium">
          Retour à l’accueil
        </Link>
      </p>
    </div>
  );
}
