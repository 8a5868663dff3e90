'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { PREFETCH_ON_INTENT } from '@/components/layout/link';

// Intent: the pointer over a link, the keyboard's focus on it, a finger on it. A click follows
// 100 to 300 ms later, time enough to fetch most pages' payload, as Next would have on sight.
const INTENTS = ['pointerover', 'focusin', 'touchstart'] as const;

/** Prefetches the page of a magazine link (components/layout/link.tsx) when the reader shows intent to follow it. */
export function PrefetchOnIntent() {
  const router = useRouter();
  useEffect(() => {
    let last = '';
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest(`a[${PREFETCH_ON_INTENT}]`) : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      const href = link.pathname + link.search;
      // The pointer moving over the link's own text fires again: one prefetch per link reached.
      if (href === last || href === window.location.pathname + window.location.search) return;
      last = href;
      router.prefetch(href);
    };
    for (const type of INTENTS) document.addEventListener(type, onIntent, { capture: true, passive: true });
    return () => {
      for (const type of INTENTS) document.removeEventListener(type, onIntent, { capture: true });
    };
  }, [router]);
  return null;
}
