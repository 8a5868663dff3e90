import { LetterTest } from '@/components/desk/letter-test';
import { formatDate, formatDateTime } from '@/lib/format';
import { newsletterOverview } from '@/lib/newsletter/desk';

export const metadata = { title: 'La lettre' };
export const instant = false;

const number = (value: number) => value.toLocaleString('fr-FR');

export default async function LetterDeskPage() {
  const { confirmed, unconfirmed, sends } = await newsletterOverview();
  return (
    <section aria-labelledby="lettre-redaction-titre" className="space-y-10">
      <div>
        <h1 id="lettre-redaction-titre" className="mb-4 font-serif text-3xl font-bold">
          La lettre
        </h1>
        <dl className="grid gap-4 sm:grid-cols-3">
          <div className="rounded-md bg-surface p-4">
            <dt className="text-sm text-muted">À chaque parution</dt>
            <dd className="text-2xl font-bold">{number(confirmed.each)}</dd>
          </div>
          <div className="rounded-md bg-surface p-4">
            <dt className="text-sm text-muted">Une fois par semaine</dt>
            <dd className="text-2xl font-bold">{number(confirmed.weekly)}</dd>
          </div>
          <div className="rounded-md bg-surface p-4">
            <dt className="text-sm text-muted">En attente de confirmation</dt>
            <dd className="text-2xl font-bold">{number(unconfirmed)}</dd>
          </div>
        </dl>
        <p className="mt-4 text-sm">
          <a href="/redaction/lettre/abonnes.csv" className="underline underline-offset-4">
            Exporter les abonnés confirmés (CSV)
          </a>
        </p>
      </div>
      <div>
        <h2 className="mb-3 font-serif text-2xl font-bold">Avant l’envoi</h2>
        <p className="mb-3 text-muted">La prochaine lettre telle que les abonnés la recevront, envoyée à votre adresse (« [Test] » dans l’objet).</p>
        <LetterTest />
      </div>
      <div>
        <h2 className="mb-3 font-serif text-2xl font-bold">Envois</h2>
        {sends.length === 0 ? (
          <p>Aucune lettre n’est encore partie : la première partira à la prochaine parution.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th className="py-2">Lettre</th>
                <th>Créée le</th>
                <th>Destinataires</th>
                <th>Envoyés</th>
                <th>Échecs</th>
                <th>En attente</th>
                <th>État</th>
              </tr>
            </thead>
            <tbody>
              {sends.map((send) => (
                <tr key={send.id} className="border-b border-line">
                  <td className="py-2">{send.kind === 'digest' && send.weekOf ? `Récapitulatif du lundi ${formatDate(send.weekOf.toISOString())}` : send.title}</td>
                  <td>{formatDateTime(send.createdAt.toISOString())}</td>
                  <td>{number(send.recipients)}</td>
                  <td>{number(send.sent)}</td>
                  <td>{number(send.failed)}</td>
                  <td>{number(send.waiting)}</td>
                  <td>{send.finishedAt ? `Terminé le ${formatDateTime(send.finishedAt.toISOString())}` : 'En cours'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
