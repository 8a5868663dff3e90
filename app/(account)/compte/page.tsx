import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { redirect } from 'next/navigation';
import { DeleteAccountForm, DisplayNameForm, SignOutButton } from '@/components/account/account-forms';
import { LetterSettings } from '@/components/account/letter-settings';
import { currentAccount } from '@/lib/accounts/session';
import { subscriptionOf } from '@/lib/newsletter/subscriptions';

export const metadata: Metadata = { title: 'Mon compte', robots: { index: false } };
// Depends on who asks: rendered for each request, in full (no streamed part to wait for).
export const instant = false;

export default async function AccountPage({ searchParams }: PageProps<'/compte'>) {
  const account = await currentAccount();
  if (!account) redirect('/connexion');
  const { lettre } = await searchParams;
  const subscription = await subscriptionOf(account.email).catch(() => null);
  return (
    <section className="mx-auto max-w-2xl space-y-10 py-4" aria-labelledby="compte-titre">
      <header>
        <h1 id="compte-titre" className="font-serif text-3xl font-bold">
          Mon compte
        </h1>
        <p className="mt-2 text-muted">
          Connecté avec <strong className="text-ink">{account.email}</strong>
          {account.isEditor && (
            <>
              {' '}· membre de la rédaction —{' '}
              <Link href="/redaction" className="underline underline-offset-4">
                la modération
              </Link>
            </>
          )}
        </p>
      </header>
      <DisplayNameForm name={account.name} />
      <SignOutButton />
      <LetterSettings email={account.email} subscription={subscription} notice={typeof lettre === 'string' ? lettre : null} />
      <div className="border-t border-line pt-6">
        <h2 className="mb-3 font-serif text-xl font-bold">Mes données</h2>
        <p className="mb-3 text-muted">Votre compte, vos notes, vos commentaires (avec leur statut), vos signalements et votre inscription à la lettre, dans un fichier JSON.</p>
        <a href="/compte/mes-donnees" download className="inline-block rounded-md border border-line px-4 py-2 font-semibold">
          Télécharger mes données
        </a>
      </div>
      <div className="border-t border-line pt-6">
        <h2 className="mb-3 font-serif text-xl font-bold">Supprimer mon compte</h2>
        <DeleteAccountForm />
      </div>
    </section>
  );
}
