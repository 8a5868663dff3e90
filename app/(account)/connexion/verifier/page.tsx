import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Vérifiez votre boîte mail', robots: { index: false } };

export default function CheckEmailPage() {
  return (
    <section className="mx-auto max-w-md space-y-4 py-8" aria-labelledby="verifier-titre">
      <h1 id="verifier-titre" className="font-serif text-3xl font-bold">
        Vérifiez votre boîte mail
      </h1>
      <p>Un lien de connexion vient de vous être envoyé. Ouvrez-le depuis ce navigateur : il est valable 24 heures et ne sert qu’une fois.</p>
      <p className="text-muted">Rien reçu ? Regardez dans les indésirables, ou recommencez dans quelques minutes.</p>
    </section>
  );
}
