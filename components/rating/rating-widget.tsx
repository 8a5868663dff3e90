'use client';

import { startTransition, useActionState, useOptimistic, useRef, useState } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';
import { formatAverage, formatRatingCount, withReaderRating } from '@/lib/readers/rating-math';
import type { RatingSummary } from '@/lib/readers/rating-schemas';
import { useReader } from '@/components/reader/reader-provider';
import { useHydrated } from '@/components/reader/use-hydrated';
import { submitRating, type RatingState } from './actions';
import { Stars } from './stars';

type Props = { target: PieceTarget; aggregate: Omit<RatingSummary, 'mine'> };

/** « Évaluer ce contenu »: the average, the count, the distribution, and the reader's own stars. */
export function RatingWidget({ target, aggregate }: Props) {
  const reader = useReader();
  const hydrated = useHydrated();
  const [state, action, pending] = useActionState<RatingState, FormData>(submitRating.bind(null, target), { summary: null, error: null, saved: false });
  const confirmed: RatingSummary = state.summary ?? { ...aggregate, mine: reader.mine };
  const [shown, showOptimistic] = useOptimistic(confirmed, (summary: RatingSummary, next: number | null) => withReaderRating(summary, next));
  // The star being chosen before it is sent; otherwise the reader's rating.
  const [choice, setChoice] = useState<number | null>(null);
  const selected = choice ?? shown.mine;
  const pointer = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  function send(formData: FormData) {
    const remove = formData.get('intent') === 'remove';
    const value = remove ? null : Number(formData.get('value'));
    setChoice(null);
    startTransition(() => {
      showOptimistic(value);
      action(formData);
    });
    reader.setMine(value);
  }

  // A click on a star sends at once; with the keyboard, the arrows choose and Enter sends.
  function choose(stars: number) {
    setChoice(stars);
    if (!pointer.current || !form.current) return;
    pointer.current = false;
    const target = form.current;
    queueMicrotask(() => target.requestSubmit());
  }

  const distributionMax = Math.max(1, ...Object.values(shown.distribution));
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <div>
        <p className="text-lg" data-testid="rating-summary">
          {shown.average !== null ? (
            <>
              <strong className="text-3xl font-bold">{formatAverage(shown.average)}</strong> · {formatRatingCount(shown.count)}
            </>
          ) : (
            formatRatingCount(0)
          )}
        </p>
        <ul className="mt-3 space-y-1 text-sm" aria-label="Répartition des notes">
          {([5, 4, 3, 2, 1] as const).map((stars) => (
            <li key={stars} className="flex items-center gap-2">
              <span className="w-16 shrink-0">{stars} {stars > 1 ? 'étoiles' : 'étoile'}</span>
              <span className="h-2 flex-1 overflow-hidden rounded bg-surface" aria-hidden="true">
                <span className="block h-full rounded bg-accent" style={{ width: `${(shown.distribution[stars] / distributionMax) * 100}%` }} />
              </span>
              <span className="w-14 shrink-0 text-right text-muted">{formatRatingCount(shown.distribution[stars]).replace('Aucun avis pour l’instant', '0 avis')}</span>
            </li>
          ))}
        </ul>
      </div>
      {/* Without JavaScript the form posts to /…/noter, which records the rating and brings the reader back. */}
      <form ref={form} action={hydrated ? send : `/${target.section}/${target.slug}/noter`} method="post" onPointerDown={() => (pointer.current = true)} onKeyDown={() => (pointer.current = false)}>
        <fieldset>
          <legend className="mb-2 font-semibold">{shown.mine ? `Votre note : ${shown.mine} sur 5` : 'Votre note'}</legend>
          <Stars name="value" selected={selected} onChoose={choose} />
        </fieldset>
        <p className="mt-3 flex flex-wrap gap-3">
          <button type="submit" name="intent" value="rate" disabled={pending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-ink disabled:opacity-60">
            {shown.mine ? 'Changer ma note' : 'Envoyer ma note'}
          </button>
          {shown.mine !== null && (
            <button type="submit" name="intent" value="remove" formNoValidate disabled={pending} className="rounded-md border border-line px-3 py-1.5 text-sm">
              Retirer ma note
            </button>
          )}
        </p>
        <p role="status" aria-live="polite" className={`mt-2 min-h-6 text-sm ${state.error ? 'text-accent' : ''}`}>
          {state.error ?? (state.saved ? (state.summary?.mine ? 'Merci, votre note est enregistrée.' : 'Votre note est retirée.') : '')}
        </p>
      </form>
    </div>
  );
}
