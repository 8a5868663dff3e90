import Link from '@/components/layout/link';
import { PERIOD_LABELS, PERIODS, type Figures, type Period, type SourceRow } from '@/lib/audience/figures';

// The pieces of the desk's « Audience » that its two pages share.

export const number = (value: number) => value.toLocaleString('fr-FR');
export const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)} %` : '—');

/** The choice of period, as links (no JavaScript). */
export function PeriodLinks({ base, period, extra = '' }: { base: string; period: Period; extra?: string }) {
  return (
    <nav aria-label="Période" className="my-4">
      <ul className="flex flex-wrap gap-3 text-sm">
        {PERIODS.map((choice) => (
          <li key={choice}>
            <Link
              href={`${base}?periode=${choice}${extra}`}
              aria-current={choice === period ? 'page' : undefined}
              className={`rounded-md border px-3 py-1 ${choice === period ? 'border-accent font-semibold text-accent' : 'border-line'}`}
            >
              {PERIOD_LABELS[choice]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Views, visitors and reads to the end over the period. */
export function Totals({ total }: { total: Figures }) {
  const items = [
    ['Vues', number(total.views)],
    ['Visiteurs', number(total.visitors)],
    ['Lus jusqu’au bout', `${number(total.reads)} (${share(total.reads, total.views)} des vues)`],
  ];
  return (
    <dl className="grid gap-4 sm:grid-cols-3">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-md border border-line p-3">
          <dt className="text-sm text-muted">{label}</dt>
          <dd className="text-2xl font-bold" data-total={label}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Where the readers came from. */
export function SourcesTable({ sources, total }: { sources: SourceRow[]; total: Figures }) {
  if (sources.length === 0) return <p className="text-sm text-muted">Aucune vue sur cette période.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead>
        <tr className="border-b border-line">
          <th scope="col" className="py-2">Source</th>
          <th scope="col">Vues</th>
          <th scope="col">Part des vues</th>
          <th scope="col">Visiteurs</th>
          <th scope="col">Lus jusqu’au bout</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((row) => (
          <tr key={row.source} className="border-b border-line" data-source={row.source}>
            <th scope="row" className="py-2 font-normal">{row.label}</th>
            <td>{number(row.views)}</td>
            <td>{share(row.views, total.views)}</td>
            <td>{number(row.visitors)}</td>
            <td>{number(row.reads)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
