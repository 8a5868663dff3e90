import type { Metadata } from 'next';
import { SignInForm } from '@/components/account/sign-in-form';

export const metadata: Metadata = { title: 'Connexion', robots: { index: false } };

export default function SignInPage() {
  return (
    <section className="mx-auto max-w-md space-y-6 py-8" aria-labelledby="connexion-titre">
      <h1 id="connexion-titre" className="font-serif text-3xl font-bold">
        Se connecter
      </h1>
      <p className="text-muted">
        Pas de mot de passe : indiquez votre adresse, nous vous envoyons un lien de connexion. Vos commentaires porteront votre nom et seront publiés sans attendre la modération.
      </p>
      <SignInForm callbackUrl="/compte" />
    </section>
  );
}
