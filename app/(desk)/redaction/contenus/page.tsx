import Link from '@/components/layout/link';
import { pieceRows, SORTS, type Sort } from '@/lib/desk/figures';
import { formatAverage } from '@/lib/readers/rating-math';
import { CommentsSwitch } from '@/components/desk/comments-switch';

export const metadata = { title: 'Contenus' };
export const instant = false;

type Props = { searchParams: Promise<{ tri?: string }> };
const LABELS: Record<Sort, string> = { note: 'Note', avis: 'Avis', commentaires: 'Commentaires', titre: 'Titre' };

export default async function PiecesFiguresPage({ searchParams }: Props) {
  const requested = (await searchParams).tri;
  const sort: Sort = (SORTS as readonly string[]).includes(requested ?? '') ? (requested as Sort) : 'avis';
  const rows = await pieceRows(sort);
  return (
    <section aria-labelledby="contenus-titre">
      <h1 id="contenus-titre" className="mb-2 font-serif text-3xl font-bold">
        Contenus
      </h1>
      <p className="mb-6 text-sm">
        <a href={`/api/moderation/pieces?format=csv&tri=${sort}`} className="underline underline-offset-4">
          Exporter en CSV
        </a>
      </p>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-line">
            {(['titre', 'note', 'avis'] as const).map((column) => (
              <th key={column} className="py-2" aria-sort={sort === column ? (column === 'titre' ? 'ascending' : 'descending') : undefined}>
                <Link href={`/redaction/contenus?tri=${column}`} className="underline-offset-4 hover:underline">
                  {LABELS[column]}
                </Link>
              </th>
            ))}
            <th>Répartition (1 à 5 étoiles)</th>
            <th aria-sort={sort === 'commentaires' ? 'descending' : undefined}>
              <Link href="/redaction/contenus?tri=commentaires" className="underline-offset-4 hover:underline">
                {LABELS.commentaires}
              </Link>
            </th>
            <th>Utile</th>
            <th>Discussion</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.pieceKey} className="border-b border-line">
              <td className="py-2">
                <Link href={row.url} className="underline underline-offset-4">
                  {row.title}
                </Link>
              </td>
              <td>{row.average === null ? '—' : formatAverage(row.average)}</td>
              <td>{row.ratings}</td>
              <td>{([1, 2, 3, 4, 5] as const).map((stars) => row.distribution[stars]).join(' · ')}</td>
              <td>{row.comments}</td>
              <td>{row.useful}</td>
              <td>
                <CommentsSwitch piece={row.pieceKey} title={row.title} open={row.commentsOpen} byEditor={row.commentsBy === 'editor'} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
