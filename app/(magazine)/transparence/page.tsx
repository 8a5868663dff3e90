import type { Metadata } from 'next';
import Link from '@/components/layout/link';
import { NOTICE_DECISION_LABELS, NOTICE_DECISIONS, NOTICE_GROUND_LABELS, NOTICE_GROUNDS } from '@/lib/desk/legal-grounds';
import { BAN_DURATIONS, parseQuarter, previousQuarter, quarterLabel, quarterOf, transparencyReport, type BanDuration, type Quarter } from '@/lib/desk/transparency';
import { pageMetadata } from '@/lib/publishing/page-metadata';

export const metadata: Metadata = pageMetadata('/transparence', {
  title: 'Transparence de la modération',
  description: 'Chaque trimestre, les notifications de contenus illicites reçues, les décisions de la rédaction, leur délai, les retraits et les suspensions.',
});

// Computed from the audit log for each request: the figures are never stale.
export const instant = false;

const BAN_LABELS: Record<BanDuration, string> = { '1h': 'Suspensions d’une heure', '24h': 'Suspensions de 24 heures', '7d': 'Suspensions de sept jours', permanent: 'Bannissements définitifs' };
const number = (value: number) => value.toLocaleString('fr-FR');

function delay(seconds: number | null): string {
  if (seconds === null) return 'aucune décision ce trimestre';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} h`;
  return `${(seconds / 86400).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} jours`;
}

function Figures({ caption, rows }: { caption: string; rows: [string, string][] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="mb-2 text-left font-serif text-xl font-bold">{caption}</caption>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label} className="border-b border-line">
            <th scope="row" className="py-2 pr-4 font-normal">
              {label}
            </th>
            <td className="py-2 text-right font-semibold tabular-nums">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const key = (quarter: Quarter) => `${quarter.year}-${quarter.quarter}`;

export default async function TransparencyPage({ searchParams }: PageProps<'/transparence'>) {
  const { trimestre } = await searchParams;
  const current = quarterOf(new Date());
  const quarter = parseQuarter(typeof trimestre === 'string' ? trimestre : null) ?? current;
  const report = await transparencyReport(quarter);
  const noticeCount = NOTICE_GROUNDS.reduce((sum, ground) => sum + report.noticesByGround[ground], 0);
  const others = [current, previousQuarter(current), previousQuarter(previousQuarter(current)), previousQuarter(previousQuarter(previousQuarter(current)))].filter((candidate) => key(candidate) !== key(quarter));
  return (
    <section aria-labelledby="transparence-titre" className="mx-auto max-w-2xl space-y-8">
      <header>
        <h1 id="transparence-titre" className="font-serif text-4xl font-bold">
          Transparence de la modération
        </h1>
        <p className="mt-2 text-2xl">{quarterLabel(quarter)}</p>
        <p className="mt-3 text-muted">
          Ces chiffres sont calculés à partir du journal des décisions de la rédaction, à chaque consultation. Les règles appliquées sont celles de la{' '}
          <Link href="/charte" className="underline underline-offset-4">
            charte des commentaires
          </Link>
          .
        </p>
      </header>
      <Figures caption={`Notifications de contenus illicites reçues (${number(noticeCount)})`} rows={NOTICE_GROUNDS.map((ground) => [NOTICE_GROUND_LABELS[ground], number(report.noticesByGround[ground])])} />
      <Figures
        caption="Décisions sur ces notifications"
        rows={[...NOTICE_DECISIONS.map((decision): [string, string] => [NOTICE_DECISION_LABELS[decision], number(report.decisions[decision])]), ['Délai médian entre la réception et la décision', delay(report.medianSecondsToDecide)]]}
      />
      <Figures
        caption="Autres mesures"
        rows={[
          ['Commentaires refusés ou retirés à l’initiative de la rédaction', number(report.ownInitiativeRemovals)],
          ['Commentaires retenus pour relecture par les listes de mots (automatique)', number(report.automatedHolds)],
          ['Commentaires refusés par les listes de mots (automatique)', number(report.automatedRefusals)],
          ...BAN_DURATIONS.map((duration): [string, string] => [BAN_LABELS[duration], number(report.bans[duration])]),
        ]}
      />
      <nav aria-label="Autres trimestres">
        <h2 className="font-serif text-xl font-bold">Autres trimestres</h2>
        <ul className="mt-2 flex flex-wrap gap-4">
          {others.map((other) => (
            <li key={key(other)}>
              <Link href={`/transparence?trimestre=${key(other)}`} className="underline underline-offset-4">
                {quarterLabel(other)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
