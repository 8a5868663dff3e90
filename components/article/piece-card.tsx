import Link from '@/components/layout/link';
import type { ReactNode } from 'react';
import { SECTION_INFO } from '@/lib/content/sections';
import type { PieceSummary } from '@/lib/content';
import { plural } from '@/lib/format';
import type { CardStats } from '@/lib/readers/piece-cache';
import { formatAverage, formatRatingCount } from '@/lib/readers/rating-math';
import { PieceMeta } from './piece-meta';
import { CardCover } from './pictures';

type Stats = CardStats[string];
type Props = {
  piece: PieceSummary;
  authorName?: string;
  headingLevel?: 'h2' | 'h3';
  featured?: boolean;
  /** Over the card instead of its lazy cover: the home page's feature gives its preloaded one. */
  picture?: ReactNode;
  stats?: Stats;
};

/** « ★ 4,3/5 · 12 avis · 3 commentaires » on a card or in a ranking. */
export function CardStatsLine({ stats }: { stats: Stats }) {
  if (stats.ratings === 0 && stats.comments === 0) return null;
  return (
    <p className="text-sm text-muted">
      {stats.average !== null && (
        <>
          <span aria-hidden="true">★ </span>
          <span className="font-semibold text-ink">{formatAverage(stats.average)}</span> · {formatRatingCount(stats.ratings)}
        </>
      )}
      {stats.average !== null && stats.comments > 0 && ' · '}
      {stats.comments > 0 && plural(stats.comments, 'commentaire')}
    </p>
  );
}

/** A piece in a listing: its cover when it has one, section, title, summary, byline and date. */
export function PieceCard({ piece, authorName, headingLevel: Heading = 'h2', featured = false, picture, stats }: Props) {
  return (
    <article className={`flex flex-col gap-2 border-t border-line pt-4 ${featured ? 'sm:pt-6' : ''}`}>
      {picture ?? (piece.cover && <CardCover cover={piece.cover} />)}
      <p className="text-xs font-semibold uppercase tracking-widest text-accent">{SECTION_INFO[piece.section].singular}</p>
      <Heading className={`font-serif font-bold leading-snug ${featured ? 'text-3xl sm:text-4xl' : 'text-xl'}`}>
        <Link href={piece.url} className="hover:underline hover:underline-offset-4">
          {piece.title}
        </Link>
      </Heading>
      <p className={featured ? 'text-lg text-muted' : 'text-muted'}>{piece.summary}</p>
      {(piece.interviewee ?? authorName) && (
        <p className="text-sm">
          {piece.interviewee
            ? `Avec ${piece.interviewee.name}, ${piece.interviewee.role.toLowerCase()} de ${piece.interviewee.organisation}`
            : `Par ${authorName}`}
        </p>
      )}
      <PieceMeta piece={piece} />
      {stats && <CardStatsLine stats={stats} />}
    </article>
  );
}

type ListProps = { pieces: readonly PieceSummary[]; authors: Record<string, string>; headingLevel?: 'h2' | 'h3'; stats?: CardStats | null };

/** A list of piece cards; their titles are headings one level below the list's own heading. */
export function PieceList({ pieces, authors, headingLevel = 'h2', stats }: ListProps) {
  return (
    <ul className="grid gap-8 sm:grid-cols-2">
      {pieces.map((piece) => (
        <li key={piece.key}>
          <PieceCard piece={piece} authorName={authors[piece.author]} headingLevel={headingLevel} stats={stats?.[piece.key]} />
        </li>
      ))}
    </ul>
  );
}
