import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { CHARTER_ARTICLES } from '@/lib/desk/charter';
import { NOTICE_GROUND_LABELS, NOTICE_GROUNDS } from '@/lib/desk/legal-grounds';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/charte', {
  title: 'Charte des commentaires',
  description: 'Les règles que la rédaction de Place des Réseaux applique aux commentaires, comment elle modère, comment signaler un contenu et comment contester une décision.',
});

const h2 = 'font-serif text-2xl font-bold';

/** The charte des commentaires: the rules (lib/desk/charter.ts), how the desk moderates, reporting and redress. */
export default function CharterPage() {
  return (
    <article aria-labelledby="charte-titre" className="mx-auto max-w-2xl space-y-8">
      <header>
        <h1 id="charte-titre" className="font-serif text-4xl font-bold">
          Charte des commentaires
        </h1>
        <p className="mt-3 text-lg text-muted">
          Les commentaires prolongent nos entretiens et nos articles. Comme le disait Valérie March dans notre entretien fondateur : « il faut simplement ne pas oublier les règles de base de la courtoisie », et « si un échange s’envenime, on n’ajoute pas de l’huile sur le feu ».
        </p>
      </header>
      <section aria-labelledby="charte-regles" className="space-y-4">
        <h2 id="charte-regles" className={h2}>
          Les règles
        </h2>
        <ol className="space-y-4">
          {CHARTER_ARTICLES.map((article) => (
            <li key={article.id} id={`article-${article.number}`}>
              <h3 className="font-semibold">
                Article {article.number} — {article.title}
              </h3>
              <p>{article.text}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="charte-moderation" className="space-y-3">
        <h2 id="charte-moderation" className={h2}>
          Comment la rédaction modère
        </h2>
        <p>
          Selon le réglage du magazine, un commentaire est publié aussitôt et relu ensuite (post-modération), ou relu par la rédaction avant d’être publié (pré-modération). Les commentaires signalés par les lecteurs sont relus en priorité.
        </p>
        <p>
          Des listes de mots, tenues par la rédaction, sont appliquées automatiquement : un commentaire qui contient un terme refusé n’est pas publié ; un commentaire qui contient un terme « à vérifier » attend la relecture d’un membre de la rédaction. Ce sont les seuls moyens automatisés employés ; toute autre décision est prise par une personne.
        </p>
        <p>
          Un commentaire contraire à la charte peut être refusé ou retiré. Une personne qui enfreint la charte de façon répétée peut être suspendue (une heure, 24 heures ou sept jours) ou ne plus pouvoir commenter du tout. Chaque décision est inscrite au journal de la rédaction ; les chiffres sont publiés chaque trimestre sur la page{' '}
          <Link href="/transparence" className="underline underline-offset-4">
            Transparence
          </Link>
          .
        </p>
      </section>
      <section aria-labelledby="charte-signaler" className="space-y-3">
        <h2 id="charte-signaler" className={h2}>
          Signaler un commentaire
        </h2>
        <p>
          Sous chaque commentaire, « Signaler » prévient la rédaction d’un commentaire hors sujet, publicitaire ou désagréable. « Signaler un contenu illicite » ouvre une notification au sens de l’article 16 du règlement européen sur les services numériques (DSA) : le motif ({NOTICE_GROUNDS.map((ground) => NOTICE_GROUND_LABELS[ground].toLowerCase()).join(', ')}), une explication, votre nom et votre e-mail, et une déclaration de bonne foi. Vous recevez un accusé de réception avec une référence, puis la décision de la rédaction et ses raisons.
        </p>
      </section>
      <section aria-labelledby="charte-recours" className="space-y-3">
        <h2 id="charte-recours" className={h2}>
          Vos recours
        </h2>
        <p>
          Quand la rédaction refuse ou retire un commentaire, ou suspend une personne, l’auteur reçoit par e-mail (s’il en a donné un) l’exposé des motifs : la mesure et sa durée, les faits, l’éventuelle notification à l’origine de la décision, l’emploi de moyens automatisés, la règle ou la loi appliquée, et ses recours.
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>Contester auprès de la rédaction : répondez à l’e-mail reçu ; une personne de la rédaction réexamine la décision.</li>
          <li>Saisir un organe de règlement extrajudiciaire des litiges certifié (article 21 du DSA) ; la liste est publiée par l’Arcom et la Commission européenne.</li>
          <li>Saisir le juge compétent (en France, le tribunal judiciaire), à tout moment.</li>
        </ul>
      </section>
    </article>
  );
}
