import type { Metadata } from 'next';
import Link from '@/components/layout/link';

export const metadata: Metadata = { title: 'Connexion impossible', robots: { index: false } };

export default function SignInErrorPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-8" aria-labelledby="erreur-titre">
      <h1 id="erreur-titre" className="font-serif text-3xl font-bold">
        Ce lien ne fonctionne plus
      </h1>
      <p>Un lien de connexion ne sert qu’une fois et expire au bout de 24 heures. Demandez-en un nouveau.</p>
      <p>
        <Link href="/connexion" className="font-semibold underline underline-offset-4">
          Recevoir un nouveau lien
        </Link>
      </p>
    </section>
  );
}
