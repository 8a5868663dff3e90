'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { PieceTarget } from '@/lib/http/action-context';

type Props = { api: string; target: PieceTarget };

/**
 * LiveComments, its code fetched once the page is idle (after its hydration, in a chunk of its
 * own): reading, rating and writing need none of it, it only shows what is published later, so
 * a phone does not parse it while the page loads.
 */
export function LiveCommentsLater(props: Props) {
  const [Live, setLive] = useState<ComponentType<Props> | null>(null);
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      void import('./live-comments').then((module) => {
        if (!cancelled) setLive(() => module.LiveComments);
      });
    };
    // Safari has no requestIdleCallback: a timer after the page's own work.
    if (typeof requestIdleCallback !== 'function') {
      const timer = window.setTimeout(load, 200);
      return () => {
        cancelled = true;
        window.clearTimeout(timer);
      };
    }
    const idle = requestIdleCallback(load, { timeout: 2000 });
    return () => {
      cancelled = true;
      cancelIdleCallback(idle);
    };
  }, []);
  return Live ? <Live {...props} /> : null;
}
