import type { RatingSummary } from '@/lib/readers/rating-schemas';

type Stars = 1 | 2 | 3 | 4 | 5;

/**
 * The summary as it will be once the reader's rating becomes `next` (null: withdrawn), computed
 * on the spot so the page can show it before the server answers.
 */
export function withReaderRating(summary: RatingSummary, next: number | null): RatingSummary {
  const distribution = { ...summary.distribution };
  let count = summary.count;
  if (summary.mine !== null) {
    distribution[summary.mine as Stars] = Math.max(0, distribution[summary.mine as Stars] - 1);
    count -= 1;
  }
  if (next !== null) {
    distribution[next as Stars] += 1;
    count += 1;
  }
  // From the distribution, not from the average the server sent, which is already rounded.
  const exact = ([1, 2, 3, 4, 5] as const).reduce((sum, stars) => sum + stars * distribution[stars], 0);
  return { average: count > 0 ? Math.round((exact / count) * 10) / 10 : null, count, distribution, mine: next };
}

/** « 4,3/5 ». */
export function formatAverage(average: number): string {
  return `${average.toLocaleString('fr-FR', { maximumFractionDigits: 1 })}/5`;
}

/** « Aucun avis pour l'instant », « 1 avis », « 12 avis ». */
export function formatRatingCount(count: number): string {
  return count === 0 ? 'Aucun avis pour l’instant' : `${count.toLocaleString('fr-FR')} avis`;
}
