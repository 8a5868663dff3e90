'use client';

import { useState } from 'react';
import { useHydrated } from '@/components/reader/use-hydrated';

/** « Copier le lien »: needs JavaScript, so it only appears with it. */
export function CopyLink({ url }: { url: string }) {
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  if (!hydrated) return null;
  return (
    <button
      type="button"
      onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true), () => setCopied(false))}
      className="underline underline-offset-4"
    >
      {copied ? 'Lien copié' : 'Copier le lien'}
    </button>
  );
}
