import type { Metadata } from 'next';
import { SubscribeForm } from '@/components/newsletter/subscribe-form';
import { freshFormToken } from '@/lib/http/newsletter-requests';
import { CONFIRMATION_DAYS } from '@/lib/newsletter/links';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/lettre', {
  title: 'La lettre',
  description: 'La lettre de Place des Réseaux : chaque nouvel entretien et chaque article par e-mail, ou un récapitulatif le lundi matin.',
});

// Rendered for each request: the forms sent without JavaScript come back here with their notice,
// and the form carries a fresh token (when it was shown).
export const instant = false;

const NOTICES: Record<string, { text: string; error: boolean }> = {
  envoye: { text: 'Merci ! Si cette adresse ne reçoit pas déjà la lettre à ce rythme, un e-mail de confirmation vient d’y partir : cliquez sur son lien pour commencer à la recevoir (regardez aussi dans les indésirables). Rien ne vous sera envoyé avant.', error: false },
  inscrit: { text: 'C’est fait : la lettre arrivera à l’adresse de votre compte.', error: false },
  adresse: { text: 'Cette adresse e-mail n’est pas valide : vérifiez-la (par exemple prenom@exemple.fr), puis renvoyez le formulaire.', error: true },
  trop: { text: 'Vous avez envoyé beaucoup de demandes en peu de temps. Patientez une minute avant de réessayer.', error: true },
  origine: { text: 'Ce formulaire doit être envoyé depuis le site Place des Réseaux lui-même.', error: true },
  indisponible: { text: 'L’inscription est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.', error: true },
  courriel: { text: 'L’e-mail de confirmation n’a pas pu partir : notre serveur d’e-mails ne répond pas. Réessayez dans quelques minutes.', error: true },
  erreur: { text: 'Une erreur inattendue est survenue : rien n’a été enregistré. Réessayez ; si elle persiste, écrivez à la rédaction.', error: true },
};

export default async function LetterPage({ searchParams }: PageProps<'/lettre'>) {
  const { inscription } = await searchParams;
  const notice = typeof inscription === 'string' ? NOTICES[inscription] : undefined;
  const formToken = freshFormToken();
  return (
    <section aria-labelledby="lettre-page-titre" className="mx-auto max-w-2xl space-y-8">
      <header>
        <h1 id="lettre-page-titre" className="font-serif text-4xl font-bold">
          La lettre de Place des Réseaux
        </h1>
        <p className="mt-3 text-lg text-muted">Les entretiens et les articles du magazine, dans votre boîte aux lettres, au rythme que vous choisissez.</p>
      </header>
      <div className="space-y-4">
        <h2 className="font-serif text-2xl font-bold">Ce que vous recevez</h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>À chaque parution</strong> : un e-mail le jour où paraît un entretien ou un article, avec son titre, son résumé, son auteur et le lien pour le lire.
          </li>
          <li>
            <strong>Une fois par semaine</strong> : le lundi à 8 h (heure de Paris), les parutions de la semaine écoulée, en un seul e-mail. Pas de parution, pas d’e-mail.
          </li>
        </ul>
        <p>Pas de publicité, pas de pixel espion : nous ne savons pas si vous ouvrez la lettre. Chaque e-mail porte un lien pour se désinscrire en un clic, sans compte ni mot de passe.</p>
      </div>
      <div id="inscription" className="space-y-4 rounded-lg bg-surface p-6">
        <h2 className="font-serif text-2xl font-bold">S’inscrire</h2>
        {notice && (
          <p role={notice.error ? 'alert' : 'status'} className={notice.error ? 'font-semibold text-accent' : 'font-semibold'}>
            {notice.text}
          </p>
        )}
        <SubscribeForm formToken={formToken} />
        <p className="text-sm text-muted">
          Un e-mail de confirmation part d’abord vers l’adresse donnée : rien d’autre ne lui est envoyé avant que son lien soit suivi. Sans confirmation, l’adresse est oubliée au bout de {CONFIRMATION_DAYS} jours. Connecté, l’adresse de votre compte est inscrite aussitôt.
        </p>
      </div>
      <div className="space-y-3">
        <h2 className="font-serif text-2xl font-bold">Vos données</h2>
        <p>
          Nous gardons votre adresse, le rythme choisi, la date de votre demande et celle de votre confirmation : rien d’autre. Se désinscrire efface l’adresse. Si le serveur de votre messagerie la refuse définitivement, elle est désinscrite et nous n’en gardons qu’une empreinte chiffrée, pour ne plus lui écrire. Connecté, vous retrouvez votre inscription dans « Télécharger mes données » de votre compte.
        </p>
      </div>
    </section>
  );
}
