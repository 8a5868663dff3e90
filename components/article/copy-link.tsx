'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/reader/use-hydrated';

/**
 * « Copier le lien »: needs JavaScript, so it only shows with it. Its place is kept, invisible,
 * until the page is interactive: on a phone the share links wrap, and a button that appeared
 * after the first paint pushed everything below it down a line (a layout shift).
 */
export function CopyLink({ url }: { url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      disabled={!hydrated}
      aria-hidden={!hydrated}
      onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false))}
      className={`underline underline-offset-4${hydrated ? '' : ' invisible'}`}
    >
      {copied ? 'Lien copié' : 'Copier le lien'}
    </button>
  );
}
