import type { ComponentProps } from 'react';
import { cachedCardStats } from '@/lib/readers/piece-cache';
import { PieceCard, PieceList } from './piece-card';

// Awaited without Suspense, like the sections under a piece: the figures are part of the
// prerendered HTML (see components/reader/piece-readers.tsx).

/** A listing's cards with each piece's rating and number of comments, read from the pieces' caches. */
export async function PieceCards(props: Omit<ComponentProps<typeof PieceList>, 'stats'>) {
  const stats = await cachedCardStats(props.pieces.map((piece) => piece.key));
  return <PieceList {...props} stats={stats} />;
}

/** One card (the home page's feature) with its rating and number of comments. */
export async function PieceCardWithStats(props: Omit<ComponentProps<typeof PieceCard>, 'stats'>) {
  const stats = await cachedCardStats([props.piece.key]);
  return <PieceCard {...props} stats={stats?.[props.piece.key]} />;
}
