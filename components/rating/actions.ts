'use server';

import { actionError, actionReader, refreshPiece, targetPieceKey, type PieceTarget } from '@/lib/http/action-context';
import { parseInput, writerOf } from '@/lib/http/api';
import { ratingAggregate } from '@/lib/readers/ratings';
import { rateAs } from '@/lib/readers/writes';
import { ratingInputSchema, type RatingSummary } from '@/lib/readers/rating-schemas';

export type RatingState = { summary: RatingSummary | null; error: string | null; saved: boolean };

/** The rating form: gives, changes (`intent=rate`, `value`) or withdraws (`intent=remove`) the reader's rating. */
export async function submitRating(target: PieceTarget, previous: RatingState, formData: FormData): Promise<RatingState> {
  try {
    const pieceKey = await targetPieceKey(target);
    const remove = formData.get('intent') === 'remove';
    const value = remove ? null : parseInput(ratingInputSchema, { value: Number(formData.get('value') ?? Number.NaN) }).value;
    const reader = await actionReader({ create: !remove });
    if (!reader.readerKey) return { summary: { ...(await ratingAggregate(pieceKey)), mine: value }, error: null, saved: true };
    const aggregate = await rateAs(writerOf(reader), pieceKey, value);
    refreshPiece(pieceKey);
    return { summary: { ...aggregate, mine: value }, error: null, saved: true };
  } catch (error) {
    const { message } = actionError(error);
    return { summary: previous.summary, error: message, saved: false };
  }
}
