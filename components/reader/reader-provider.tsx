'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OwnComment, ReaderState } from '@/lib/readers/comment-schemas';

type ReaderContextValue = ReaderState & {
  /** False until the reader's own state has arrived (and always false without JavaScript). */
  ready: boolean;
  /** URL of the piece's API, e.g. /api/pieces/interviews/<slug>. */
  api: string;
  /** Records a comment the reader just wrote or edited. */
  remember: (comment: OwnComment) => void;
  /** Forgets a comment the reader deleted. */
  forget: (id: string) => void;
  setMine: (mine: number | null) => void;
};

const EDIT_WINDOW_MS = 15 * 60 * 1000;
const ReaderContext = createContext<ReaderContextValue | null>(null);

/** The reader's own part of a piece, fetched once the page is shown: the page itself is the same for all. */
export function ReaderProvider({ api, formToken, children }: { api: string; formToken: string; children: ReactNode }) {
  const [state, setState] = useState<ReaderState>({ mine: null, pending: [], editable: [], formToken, reacted: [], account: null });
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(`${api}/me`, { credentials: 'same-origin', cache: 'no-store' })
      .then((response) => (response.ok ? (response.json() as Promise<ReaderState>) : null))
      .then((me) => {
        if (me && !cancelled) setState(me);
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
  }, [api]);

  const remember = useCallback((comment: OwnComment) => {
    setState((current) => ({
      ...current,
      pending: comment.status === 'pending'
        ? [...current.pending.filter((own) => own.id !== comment.id), comment]
        : current.pending.filter((own) => own.id !== comment.id),
      // Kept with its text, which the edit form starts from (the page's copy is not sent twice).
      editable: [
        ...current.editable.filter((own) => own.id !== comment.id),
        { id: comment.id, until: new Date(Date.parse(comment.createdAt) + EDIT_WINDOW_MS).toISOString(), body: comment.body },
      ],
    }));
  }, []);
  const forget = useCallback((id: string) => {
    setState((current) => ({
      ...current,
      pending: current.pending.filter((own) => own.id !== id),
      editable: current.editable.filter((own) => own.id !== id),
    }));
  }, []);
  const setMine = useCallback((mine: number | null) => setState((current) => ({ ...current, mine })), []);

  const value = useMemo(() => ({ ...state, ready, api, remember, forget, setMine }), [state, ready, api, remember, forget, setMine]);
  return <ReaderContext value={value}>{children}</ReaderContext>;
}

/** The reader's own state on the current piece. */
export function useReader(): ReaderContextValue {
  const value = useContext(ReaderContext);
  if (!value) throw new Error('useReader must be used inside <ReaderProvider>');
  return value;
}
