import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { env } from '@/lib/env';
import { CONFIRMATION_DAYS } from '@/lib/newsletter/links';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/confidentialite', {
  title: 'Confidentialité et mesure d’audience',
  description: 'Ce que Place des Réseaux compte de ses lectures, sans cookie ni service tiers et sans savoir qui vous êtes, pourquoi aucun consentement n’est demandé, et les autres données que le site conserve.',
});

const h2 = 'font-serif text-2xl font-bold';
const link = 'underline underline-offset-4';
const months = env.AUDIENCE_KEEP_MONTHS;

/** What the audience measurement counts and how, why it needs no consent, and the site's other data. */
export default function PrivacyPage() {
  return (
    <article aria-labelledby="confidentialite-titre" className="mx-auto max-w-2xl space-y-8">
      <header>
        <h1 id="confidentialite-titre" className="font-serif text-4xl font-bold">
          Confidentialité et mesure d’audience
        </h1>
        <p className="mt-3 text-lg text-muted">
          Pour savoir quels entretiens et quels articles vous sont utiles, et par quels réseaux vous nous trouvez, la rédaction compte ses lectures. Elle le fait sans cookie, sans service tiers et sans jamais savoir qui vous êtes. Voici comment.
        </p>
      </header>
      <section aria-labelledby="confidentialite-mesure" className="space-y-3">
        <h2 id="confidentialite-mesure" className={h2}>
          Ce que nous comptons
        </h2>
        <p>Quand vous ouvrez une page, un petit script du site envoie à nos serveurs :</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>la page lue, c’est-à-dire son adresse ;</li>
          <li>
            d’où vous venez, ramené à une source : un réseau social (Facebook, LinkedIn, Viadeo, X, Bluesky, Mastodon), un moteur de recherche (Google, Bing, Qwant, DuckDuckGo, Ecosia), « La lettre » quand vous avez suivi un lien de notre lettre, un autre site désigné par son seul nom de domaine, ou l’accès direct ;
          </li>
          <li>
            les paramètres <code>utm_*</code> de l’adresse, qui indiquent quelle campagne ou quel partage vous a amené : le script les lit, puis les retire de la barre d’adresse ;
          </li>
          <li>si vous êtes arrivé à la fin du texte d’un entretien ou d’un article (« lu jusqu’au bout »).</li>
        </ul>
        <p>Nous en tirons aussi le nombre de visiteurs différents par jour.</p>
      </section>
      <section aria-labelledby="confidentialite-visiteurs" className="space-y-3">
        <h2 id="confidentialite-visiteurs" className={h2}>
          Compter les visiteurs sans savoir qui ils sont
        </h2>
        <p>
          À chaque visite, le serveur calcule une empreinte du jour à partir de l’adresse de votre connexion et du nom de votre navigateur (son « User-Agent »), avec une clé tirée au hasard chaque jour (un HMAC-SHA-256 avec le sel du jour). Deux visites du même navigateur le même jour donnent la même empreinte : c’est tout ce qu’il faut pour compter les visiteurs différents.
        </p>
        <p>
          La clé d’un jour est détruite le lendemain. Dès lors, personne, pas même la rédaction, ne peut relier une empreinte à une adresse, ni l’empreinte d’un jour à celle d’un autre jour. En dehors de cette empreinte, ni l’adresse, ni le User-Agent, ni rien de ce qui en serait tiré n’est enregistré.
        </p>
        <p>
          Les empreintes du jour sont elles-mêmes effacées dès que la journée est comptée, après minuit (heure de Paris). Il ne reste que des totaux par jour, par page et par source.
        </p>
      </section>
      <section aria-labelledby="confidentialite-jamais" className="space-y-3">
        <h2 id="confidentialite-jamais" className={h2}>
          Ce que nous ne faisons pas
        </h2>
        <p>
          Aucun cookie, rien dans le stockage du navigateur (localStorage), aucun service ni script tiers, aucun suivi d’un site à l’autre, aucune publicité, aucun profil. Rien n’est vendu ni partagé. Les chiffres servent uniquement à la rédaction, pour savoir quels contenus et quels réseaux fonctionnent.
        </p>
        <p>Ne sont pas comptés :</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>les visites sans JavaScript : sans lui, rien n’est compté ;</li>
          <li>les robots, reconnus grâce à une liste tenue à jour (celle de la bibliothèque isbot) ;</li>
          <li>les pages que le navigateur précharge ou prépare à l’avance sans que vous les ayez ouvertes ;</li>
          <li>les navigateurs qui envoient le signal Global Privacy Control ou « Do Not Track » ;</li>
          <li>les membres de la rédaction connectés.</li>
        </ul>
      </section>
      <section aria-labelledby="confidentialite-duree" className="space-y-3">
        <h2 id="confidentialite-duree" className={h2}>
          Combien de temps
        </h2>
        <p>
          Les empreintes ne vivent qu’une journée. Les totaux par jour sont conservés {months} mois{months === 13 ? '' : ' (13 mois sauf réglage contraire du magazine)'}, jamais plus de 25 mois, puis effacés chaque nuit.
        </p>
      </section>
      <section aria-labelledby="confidentialite-consentement" className="space-y-3">
        <h2 id="confidentialite-consentement" className={h2}>
          Pourquoi nous ne vous demandons pas votre consentement
        </h2>
        <p>
          L’article 82 de la loi Informatique et Libertés dispense de consentement la mesure d’audience qui respecte les conditions fixées par la CNIL dans ses lignes directrices et sa recommandation du 17 septembre 2020 sur les cookies et autres traceurs, précisées depuis (2021–2023). Voici chacune de ces conditions, et comment le magazine la remplit.
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Servir uniquement à mesurer l’audience</strong> : les chiffres disent comment le site se porte et quels contenus fonctionnent, rien d’autre.
          </li>
          <li>
            <strong>Ne produire que des statistiques anonymes</strong> : des chiffres agrégés par jour, par page et par source, sans aucun suivi individuel.
          </li>
          <li>
            <strong>Rester chez l’éditeur du site</strong> : tout passe par les serveurs du magazine, sans aucun tiers.
          </li>
          <li>
            <strong>Ne pas croiser les données</strong> : les chiffres ne sont rapprochés d’aucune autre donnée, et rien ne vous suit d’un site ou d’une application à l’autre.
          </li>
          <li>
            <strong>Limiter la conservation</strong> : la CNIL recommande 13 mois au plus pour les traceurs et 25 mois pour les données ; ici, les empreintes vivent un jour et les totaux {months} mois{months === 13 ? ' par défaut' : ''}.
          </li>
          <li>
            <strong>Informer les lecteurs et leur permettre de s’y opposer</strong> : cette page vous informe ; vous pouvez refuser d’être compté en envoyant le signal Global Privacy Control ou « Do Not Track » (un réglage de votre navigateur), ou en désactivant JavaScript. La mesure, de toute façon, ne dépose jamais rien sur votre appareil.
          </li>
        </ul>
        <p>
          Rien n’est enregistré sur votre appareil ni lu sur celui-ci en dehors de la page elle-même (pas de cookie), et le signal envoyé ne contient que les données de la page : la mesure reste donc aussi dans ce que l’exemption autorise.
        </p>
      </section>
      <section aria-labelledby="confidentialite-autres" className="space-y-3">
        <h2 id="confidentialite-autres" className={h2}>
          Les autres données du site
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Le cookie de lecteur</strong> n’est déposé que si, sans être connecté, vous notez un contenu, commentez, trouvez un commentaire « Utile », signalez un commentaire ou demandez la lettre. Il permet de changer votre note, et de modifier ou supprimer votre commentaire dans les 15 minutes qui suivent sa publication. Il contient un identifiant tiré au hasard, dont notre base ne garde qu’une empreinte, et dure deux ans.
          </li>
          <li>
            <strong>Le cookie de session</strong> vous garde connecté à votre compte, jusqu’à ce que vous vous déconnectiez ou après 30 jours sans visite.
          </li>
          <li>
            <strong>Le thème</strong> : si vous choisissez le mode clair ou le mode sombre, et seulement alors, ce choix est gardé dans votre navigateur (localStorage) ; il ne nous est pas envoyé.
          </li>
          <li>
            <strong>
              <Link href="/lettre" className={link}>
                La lettre
              </Link>
            </strong>{' '}
            ne part qu’à une adresse confirmée par le lien d’un premier e-mail (sans confirmation, l’adresse est oubliée au bout de {CONFIRMATION_DAYS} jours) ; chaque lettre porte un lien pour vous désinscrire en un clic.
          </li>
          <li>
            <strong>Votre compte</strong> : depuis{' '}
            <Link href="/compte" className={link}>
              Mon compte
            </Link>
            , vous téléchargez vos données (votre compte, vos notes, vos commentaires, vos signalements et votre inscription à la lettre) et vous pouvez supprimer votre compte.
          </li>
          <li>
            <strong>Les commentaires</strong> sont modérés selon la{' '}
            <Link href="/charte" className={link}>
              charte des commentaires
            </Link>
            .
          </li>
        </ul>
      </section>
      <section aria-labelledby="confidentialite-contact" className="space-y-3">
        <h2 id="confidentialite-contact" className={h2}>
          Nous écrire
        </h2>
        <p>
          Pour toute question sur ces données, écrivez à la rédaction :{' '}
          <a href={`mailto:${env.EDITOR_REPLY_TO}`} className={link}>
            {env.EDITOR_REPLY_TO}
          </a>
          .
        </p>
      </section>
    </article>
  );
}
