'use client';

import { useId } from 'react';

type Props = { name: string; selected: number | null; onChoose: (stars: number) => void };

/** Five stars as a real radio group: arrows to move, « 4 étoiles sur 5 » for screen readers. */
export function Stars({ name, selected, onChoose }: Props) {
  const id = useId();
  return (
    <div className="flex gap-1">
      {[1, 2, 3, 4, 5].map((stars) => (
        <span key={stars} className="relative">
          <input
            id={`${id}-${stars}`}
            type="radio"
            name={name}
            value={stars}
            required
            checked={selected === stars}
            onChange={() => onChoose(stars)}
            className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
          />
          <label
            htmlFor={`${id}-${stars}`}
            className="block cursor-pointer rounded p-0.5 peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-[var(--focus)]"
          >
            <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" className={`stroke-accent stroke-2 ${selected !== null && stars <= selected ? 'fill-accent' : 'fill-transparent'}`}>
              <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
            </svg>
            <span className="sr-only">
              {stars} {stars > 1 ? 'étoiles' : 'étoile'} sur 5
            </span>
          </label>
        </span>
      ))}
    </div>
  );
}
