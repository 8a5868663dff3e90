import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { CommentBody } from '@/components/comments/comment-body';
import { NoticeForm } from '@/components/dsa/notice-form';
import { receivedNotice, noticeTarget } from '@/lib/desk/notice-target';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Signaler un contenu illicite', robots: { index: false } };

// Rendered for each request: the comment must still be published (else a real 404: the comment is
// in the query, not in a dynamic segment whose prerendered shell would already have answered 200),
// and the form sent without JavaScript comes back here with its outcome.
export const instant = false;

// What the form sent without JavaScript comes back with (`erreur`: the field at fault, or the error's code).
const REFUSALS: Record<string, string> = {
  ground: 'Choisissez le motif de votre notification.',
  explanation: 'Expliquez en quoi ce contenu est illicite (2 000 caractères au plus).',
  name: 'Indiquez votre nom (100 caractères au plus).',
  email: 'Votre adresse e-mail n’est pas valide.',
  goodFaith: 'Cochez la déclaration de bonne foi : les informations données sont exactes et complètes.',
  rate_limited: 'Vous avez envoyé beaucoup de notifications en peu de temps. Patientez une minute avant de réessayer.',
  forbidden_origin: 'Ce formulaire doit être envoyé depuis le site Place des Réseaux lui-même.',
  database_unavailable: 'Le service est momentanément indisponible : rien n’a été enregistré. Réessayez dans quelques minutes.',
};
const FIELDS = new Set(['ground', 'explanation', 'name', 'email', 'goodFaith']);

function refusal(code: string): { field?: string; message: string } {
  const message = REFUSALS[code] ?? 'Une erreur inattendue est survenue : rien n’a été enregistré. Réessayez ; si elle persiste, écrivez à la rédaction.';
  return FIELDS.has(code) ? { field: code, message } : { message };
}

export default async function NoticePage({ searchParams }: PageProps<'/signalement'>) {
  const { commentaire, reference, erreur } = await searchParams;
  const comment = typeof commentaire === 'string' ? await noticeTarget(commentaire) : null;
  if (!comment) notFound();
  const received = typeof reference === 'string' ? await receivedNotice(comment.id, reference) : null;
  const refused = typeof erreur === 'string' ? refusal(erreur) : null;
  const back = `/${comment.pieceKey}#commentaire-${comment.id}`;
  return (
    <section aria-labelledby="signalement-titre" className="mx-auto max-w-2xl space-y-6">
      <header>
        <h1 id="signalement-titre" className="font-serif text-4xl font-bold">
          Signaler un contenu illicite
        </h1>
        <p className="mt-3 text-muted">
          Ce formulaire sert à notifier à la rédaction un contenu que vous estimez contraire à la loi (article 16 du règlement européen sur les services numériques). Pour un commentaire simplement hors sujet ou désagréable, le bouton « Signaler » sous le commentaire suffit. Les règles appliquées sont celles de la{' '}
          <Link href="/charte" className="underline underline-offset-4">
            charte des commentaires
          </Link>
          .
        </p>
      </header>
      <figure className="rounded-md border border-line p-4">
        <figcaption className="mb-2 text-sm text-muted">
          Le commentaire de <bdi className="font-semibold text-ink">{comment.author}</bdi>, le {formatDate(comment.createdAt)} (
          <Link href={back} className="underline underline-offset-4">
            le voir sous le contenu
          </Link>
          )
        </figcaption>
        <CommentBody text={comment.body} />
      </figure>
      <NoticeForm commentId={comment.id} back={back} received={received} refused={refused} />
      <p className="text-sm text-muted">
        Votre nom et votre e-mail ne servent qu’à traiter cette notification : ils ne sont pas communiqués à l’auteur du commentaire, sauf si la loi l’exige. Une notification abusive peut engager votre responsabilité.
      </p>
    </section>
  );
}
