import Link from '@/components/layout/link';
import { AudienceChart } from '@/components/desk/audience-chart';
import { number, PeriodLinks, share, SourcesTable, Totals } from '@/components/desk/audience-tables';
import { audienceOverview, PERIOD_LABELS, periodFromParam, PIECE_SORTS, type PieceSort } from '@/lib/audience/figures';
import { flushAudience } from '@/lib/audience/beacons';
import { formatDate } from '@/lib/format';
import { formatAverage } from '@/lib/readers/rating-math';

export const metadata = { title: 'Audience' };
export const instant = false;

type Props = { searchParams: Promise<{ periode?: string; tri?: string }> };

const SORT_LABELS: Record<PieceSort, string> = { titre: 'Contenu', vues: 'Vues', visiteurs: 'Visiteurs', lus: 'Lus jusqu’au bout', note: 'Note', commentaires: 'Commentaires' };
const h2 = 'mt-10 mb-3 font-serif text-2xl font-bold';

/** « Audience »: what is read, by whom it is reached, what works. */
export default async function AudiencePage({ searchParams }: Props) {
  const query = await searchParams;
  const period = periodFromParam(query.periode);
  const sort: PieceSort = (PIECE_SORTS as readonly string[]).includes(query.tri ?? '') ? (query.tri as PieceSort) : 'vues';
  // This instance's beacons of the last seconds are counted too.
  await flushAudience();
  const overview = await audienceOverview(period, sort);
  return (
    <section aria-labelledby="audience-titre">
      <h1 id="audience-titre" className="font-serif text-3xl font-bold">
        Audience
      </h1>
      <p className="mt-2 text-sm text-muted">
        Sans cookie ni service tiers : ni les robots, ni les navigateurs qui demandent à ne pas être suivis, ni la rédaction connectée ne sont comptés, ni les lecteurs sans JavaScript (
        <Link href="/confidentialite" className="underline underline-offset-4">
          ce qui est compté
        </Link>
        ). Du {formatDate(overview.from)} au {formatDate(overview.to)}.
      </p>
      <PeriodLinks base="/redaction/audience" period={period} extra={`&tri=${sort}`} />
      <Totals total={overview.total} />
      <AudienceChart id="graphique-site" title={`Vues et visiteurs, ${PERIOD_LABELS[period]}`} points={overview.points} />
      <p className="text-sm">
        <a href={`/redaction/audience/audience.csv?periode=${period}`} className="underline underline-offset-4">
          Exporter en CSV
        </a>{' '}
        (chaque jour, page, source et campagne de la période).
      </p>

      <h2 className={h2}>D’où viennent les lecteurs</h2>
      <SourcesTable sources={overview.sources} total={overview.total} />

      <h2 className={h2}>Ce qui marche</h2>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-line">
            {PIECE_SORTS.map((column) => (
              <th key={column} scope="col" className="py-2" aria-sort={sort === column ? (column === 'titre' ? 'ascending' : 'descending') : undefined}>
                <Link href={`/redaction/audience?periode=${period}&tri=${column}`} className="underline-offset-4 hover:underline">
                  {SORT_LABELS[column]}
                </Link>
              </th>
            ))}
            <th scope="col">Avis</th>
          </tr>
        </thead>
        <tbody>
          {overview.pieces.map((piece) => (
            <tr key={piece.pieceKey} className="border-b border-line" data-contenu={piece.url}>
              <th scope="row" className="py-2 font-normal">
                <Link href={`/redaction/audience${piece.url}?periode=${period}`} className="underline underline-offset-4">
                  {piece.title}
                </Link>
              </th>
              <td>{number(piece.views)}</td>
              <td>{number(piece.visitors)}</td>
              <td>{`${number(piece.reads)} (${share(piece.reads, piece.views)})`}</td>
              <td>{piece.average === null ? '—' : formatAverage(piece.average)}</td>
              <td>{number(piece.comments)}</td>
              <td>{number(piece.ratings)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {overview.otherPages.length > 0 && (
        <>
          <h2 className={h2}>Les autres pages</h2>
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2">Page</th>
                <th scope="col">Vues</th>
                <th scope="col">Visiteurs</th>
              </tr>
            </thead>
            <tbody>
              {overview.otherPages.slice(0, 30).map((page) => (
                <tr key={page.path} className="border-b border-line">
                  <th scope="row" className="py-2 font-normal">
                    <Link href={page.path} className="underline underline-offset-4">
                      {page.path}
                    </Link>
                  </th>
                  <td>{number(page.views)}</td>
                  <td>{number(page.visitors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <h2 className={h2}>La lettre : les lecteurs de chaque envoi</h2>
      {overview.letters.length === 0 ? (
        <p className="text-sm text-muted">Aucun lecteur venu de la lettre sur cette période.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2">Envoi</th>
              <th scope="col">Envoyés</th>
              <th scope="col">Vues</th>
              <th scope="col">Visiteurs</th>
              <th scope="col">Visiteurs par e-mail envoyé</th>
            </tr>
          </thead>
          <tbody>
            {overview.letters.map((letter) => (
              <tr key={letter.send} className="border-b border-line" data-envoi={letter.send}>
                <th scope="row" className="py-2 font-normal">
                  {letter.createdAt
                    ? `${letter.kind === 'digest' ? 'La semaine' : 'Parution'} du ${formatDate(letter.createdAt.toISOString())} (${letter.pieces.length} contenu${letter.pieces.length > 1 ? 's' : ''})`
                    : letter.send === 'essai'
                      ? 'Lettres d’essai de la rédaction'
                      : `Envoi inconnu (${letter.send})`}
                </th>
                <td>{number(letter.sent)}</td>
                <td>{number(letter.views)}</td>
                <td>{number(letter.visitors)}</td>
                <td>{share(letter.visitors, letter.sent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
