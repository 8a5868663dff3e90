import Link from '@/components/layout/link';
import { notFound } from 'next/navigation';
import { AudienceChart } from '@/components/desk/audience-chart';
import { PeriodLinks, SourcesTable, Totals } from '@/components/desk/audience-tables';
import { pageAudience, PERIOD_LABELS, periodFromParam } from '@/lib/audience/figures';
import { flushAudience } from '@/lib/audience/beacons';
import { getPiece } from '@/lib/content';
import { sectionFromParam } from '@/lib/content/sections';

export const metadata = { title: 'Audience d’un contenu' };
export const instant = false;

type Props = { params: Promise<{ section: string; slug: string }>; searchParams: Promise<{ periode?: string }> };

/** One piece's audience: its days and its sources. */
export default async function PieceAudiencePage({ params, searchParams }: Props) {
  const { section: sectionParam, slug } = await params;
  const section = sectionFromParam(sectionParam);
  const found = section ? await getPiece(section, slug) : null;
  if (!found) notFound();
  const { piece } = found;
  const period = periodFromParam((await searchParams).periode);
  await flushAudience();
  const audience = await pageAudience(piece.url, period);
  return (
    <section aria-labelledby="audience-contenu-titre">
      <p className="text-sm">
        <Link href={`/redaction/audience?periode=${period}`} className="underline underline-offset-4">
          ← Toute l’audience
        </Link>
      </p>
      <h1 id="audience-contenu-titre" className="mt-2 font-serif text-3xl font-bold">
        Audience : {piece.title}
      </h1>
      <p className="mt-1 text-sm">
        <Link href={piece.url} className="underline underline-offset-4">
          Lire le contenu
        </Link>
      </p>
      <PeriodLinks base={`/redaction/audience${piece.url}`} period={period} />
      <Totals total={audience.total} />
      <AudienceChart id="graphique-contenu" title={`Vues et visiteurs de « ${piece.title} », ${PERIOD_LABELS[period]}`} points={audience.points} />
      <h2 className="mt-10 mb-3 font-serif text-2xl font-bold">D’où viennent ses lecteurs</h2>
      <SourcesTable sources={audience.sources} total={audience.total} />
    </section>
  );
}
